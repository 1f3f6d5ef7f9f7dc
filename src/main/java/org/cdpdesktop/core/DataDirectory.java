package org.cdpdesktop.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The per-user folder that holds everything CDP Desktop writes: the database, models, logs,
 * rejects and settings. Never next to the binary, so upgrades and reinstalls keep the data.
 */
public final class DataDirectory {

    public static final String ENVIRONMENT_VARIABLE = "CDP_DATA_DIR";
    private static final String APP_FOLDER = "cdp-desktop";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The folder chosen by {@code --data-dir}, else {@code CDP_DATA_DIR}, else the platform's per-user default. */
    public static Path choose(Optional<Path> fromCommandLine, Map<String, String> environment,
                              String osName, Path userHome) {
        if (fromCommandLine.isPresent()) {
            return fromCommandLine.get();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = environment.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming");
            return base.resolve("CDP Desktop");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("CDP Desktop");
        }
        String xdgDataHome = environment.get("XDG_DATA_HOME");
        Path base = xdgDataHome != null && !xdgDataHome.isBlank() ? Path.of(xdgDataHome) : userHome.resolve(".local").resolve("share");
        return base.resolve(APP_FOLDER);
    }

    public static Path chooseForThisUser(Optional<Path> fromCommandLine) {
        return choose(fromCommandLine, System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** Opens the folder, creating it and its sub-folders on first use. */
    public static DataDirectory open(Path root) {
        DataDirectory directory = new DataDirectory(root);
        try {
            for (Path folder : new Path[] {directory.root, directory.models(), directory.logs(), directory.rejects(), directory.presets()}) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + directory.root + ": " + e.getMessage(), e);
        }
        return directory;
    }

    public Path root() {
        return root;
    }

    public Path database() {
        return root.resolve("cdp.db");
    }

    public Path models() {
        return root.resolve("models");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path rejects() {
        return root.resolve("rejects");
    }

    public Path presets() {
        return root.resolve("presets");
    }

    public Path settings() {
        return root.resolve("settings.properties");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}

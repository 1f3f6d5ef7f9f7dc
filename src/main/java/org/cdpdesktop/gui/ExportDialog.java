package org.cdpdesktop.gui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.export.ExportFormat;

/** The Save dialog of every export: it opens in the folder last exported to, else the user's home, and remembers the new one. */
public final class ExportDialog implements ExportFileChooser {

    private final Settings settings;

    public ExportDialog(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<Path> choose(ExportFormat format, String fileName) {
        String extension = format.name().toLowerCase(Locale.ROOT);
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export as " + format);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format + " files", "*." + extension));
        chooser.setInitialDirectory(startFolder().toFile());
        chooser.setInitialFileName(safe(fileName) + "." + extension);
        File chosen = chooser.showSaveDialog(activeWindow());
        if (chosen == null) {
            return Optional.empty();
        }
        Path file = chosen.toPath().toAbsolutePath();
        if (file.getParent() != null) {
            settings.set(Settings.EXPORT_FOLDER, file.getParent().toString());
        }
        return Optional.of(file);
    }

    private Path startFolder() {
        return settings.get(Settings.EXPORT_FOLDER).map(Path::of).filter(Files::isDirectory)
                .orElseGet(() -> Path.of(System.getProperty("user.home")));
    }

    /** A suggested name without characters some file systems refuse. */
    private static String safe(String name) {
        String safe = name.strip().replaceAll("[^\\p{L}\\p{N}._ -]+", "_");
        return safe.isEmpty() ? "export" : safe;
    }

    private static Window activeWindow() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .orElseGet(() -> Window.getWindows().stream().findFirst().orElse(null));
    }
}

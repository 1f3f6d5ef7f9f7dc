package org.cdpdesktop.core;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** User preferences kept in {@code settings.properties} in the data folder, written on every change. */
public final class Settings {

    public static final String THEME = "ui.theme";
    public static final String SAMPLE_DATA_OFFERED = "sample-data.offered";
    /** The folder of the last export, where the next export's Save dialog opens. */
    public static final String EXPORT_FOLDER = "export.folder";

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    public static Settings load(Path file) {
        Settings settings = new Settings(file);
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.values.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read settings " + file + ": " + e.getMessage(), e);
            }
        }
        return settings;
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public synchronized boolean getBoolean(String key) {
        return Boolean.parseBoolean(values.getProperty(key, "false"));
    }

    public synchronized void set(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    /** Sets several values with one write of the file. */
    public synchronized void setAll(Map<String, String> changes) {
        changes.forEach(values::setProperty);
        save();
    }

    private void save() {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            values.store(writer, "CDP Desktop settings");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save settings " + file + ": " + e.getMessage(), e);
        }
    }
}

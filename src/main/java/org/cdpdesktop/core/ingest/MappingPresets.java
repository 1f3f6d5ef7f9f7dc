package org.cdpdesktop.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Named column mappings kept as JSON files in the data folder's {@code presets/}, so a mapping made in the
 * wizard can be used again there or from the CLI ({@code import --preset NAME}). The file name is derived
 * from the preset name; the name itself is kept inside the file, exactly as the person typed it.
 */
public final class MappingPresets {

    private static final int MAX_NAME_LENGTH = 100;
    private static final String SUFFIX = ".json";

    private final Path folder;

    public MappingPresets(Path folder) {
        this.folder = folder;
    }

    /** The saved presets' names, in alphabetical order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(SUFFIX)).toList()) {
                names.add(read(file).path("name").asText(file.getFileName().toString().replace(SUFFIX, "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the mapping presets in " + folder + ": " + e.getMessage(), e);
        }
        names.sort(Comparator.comparing(name -> name.toLowerCase(Locale.ROOT)));
        return names;
    }

    /** Saves (or replaces) the preset {@code name}. */
    public void save(String name, ColumnMapping mapping) {
        String checked = checkName(name);
        ObjectNode root = MappingJson.toNode(mapping);
        root.put("name", checked);
        Path file = fileFor(checked);
        try {
            Path temporary = Files.createTempFile(folder, ".preset", ".tmp");
            Files.writeString(temporary, MappingJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the mapping preset '" + checked + "': " + e.getMessage(), e);
        }
    }

    /** The preset {@code name}; throws {@code IllegalArgumentException("No preset named X")} when there is none. */
    public ColumnMapping load(String name) {
        Path file = fileFor(checkName(name));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No preset named " + name);
        }
        return MappingJson.fromNode(read(file), "preset '" + name + "'");
    }

    public void delete(String name) {
        Path file = fileFor(checkName(name));
        try {
            if (!Files.deleteIfExists(file)) {
                throw new IllegalArgumentException("No preset named " + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the mapping preset '" + name + "': " + e.getMessage(), e);
        }
    }

    private static String checkName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A preset needs a name");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A preset name can have at most " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    /** Letters, digits, '-' and '_' are kept; anything else becomes '_' plus its code, so distinct names stay distinct files. */
    private Path fileFor(String name) {
        StringBuilder safe = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-')) {
                safe.append(c);
            } else {
                safe.append('_').append(Integer.toHexString(c));
            }
        }
        return folder.resolve(safe + SUFFIX);
    }

    private static JsonNode read(Path file) {
        try {
            return MappingJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("The mapping preset " + file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }
}

package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file as every door first sees it: its dialect (detected, or as the user overrode it), its column headers,
 * and the mapping the wizard proposes for them.
 */
public record SniffedFile(Path file, CsvDialect dialect, List<String> headers) {

    public SniffedFile {
        headers = List.copyOf(headers);
    }

    /** Detects the file's dialect and reads its headers. */
    public static SniffedFile of(Path file) throws IOException {
        return read(file, CsvSniffer.sniff(file));
    }

    /** Reads the file's headers with a given dialect, e.g. the detected one with another delimiter. */
    public static SniffedFile read(Path file, CsvDialect dialect) throws IOException {
        return new SniffedFile(file, dialect, CsvPreviewer.preview(file, dialect, 0).headers());
    }

    /** Each column to the field its name suggests, the rest kept as custom attributes: {@link ColumnMapping#auto}. */
    public ColumnMapping autoMapping() {
        return ColumnMapping.auto(headers);
    }

    /** The import of this file with every default left alone: detected format, automatic mapping, newest values win. */
    public ImportOptions defaultOptions() {
        return new ImportOptions(dialect, autoMapping(), DuplicatePolicy.NEWEST, false, null);
    }
}

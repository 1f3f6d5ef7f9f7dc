package org.cdpdesktop.core.ingest;

import java.util.List;

/**
 * The first rows of any importable file as the import will read them, for the wizard's first steps and the CLI.
 *
 * @param format   what the file was detected to be; {@code null} when it is refused (the reason is in {@code problems})
 * @param dialect  the CSV dialect read with, {@code null} for other formats
 * @param sheets   a workbook's sheets in order (empty for other formats)
 * @param sheet    the sheet read, {@code null} for other formats
 * @param headers  unique column names, as {@link CsvPreview#headers()}
 * @param rows     the first data rows, each as read (not cleaned)
 * @param problems what a person should know before importing, one sentence each
 */
public record FilePreview(FileFormat format, CsvDialect dialect, List<ImportFiles.SheetInfo> sheets, String sheet, List<String> headers,
                          List<List<String>> rows, List<String> problems) {
    public FilePreview {
        sheets = List.copyOf(sheets);
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** "Detected: Excel workbook (.xlsx), sheet 'Customers'", for the wizard to say what it found. */
    public String describe() {
        if (format == null) {
            return "Not an importable file";
        }
        return "Detected: " + format.label() + (sheet != null ? ", sheet '" + sheet + "'" : "");
    }
}

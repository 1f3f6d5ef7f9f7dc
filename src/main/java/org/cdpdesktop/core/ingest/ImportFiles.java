package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one way every door opens a file to import: detect its format by content, list a workbook's sheets, preview
 * its first rows, and open it as a {@link RecordSource} for the import. The wizard, the CLI and the REST upload all
 * come through here, so a file means the same whichever door it used.
 */
public final class ImportFiles {

    private static final int MAX_PROBLEMS = 20;
    /** A JSON preview takes its columns from this many records, so a large file previews at once. */
    private static final long PREVIEW_SCAN_RECORDS = 10_000;

    /** A workbook's sheet: its name and whether it holds any value (the default sheet is the first that does). */
    public record SheetInfo(String name, boolean empty) { }

    private ImportFiles() {
    }

    /** See {@link FileFormat#detect}. */
    public static FileFormat detect(Path file) throws IOException {
        return FileFormat.detect(file);
    }

    /** A workbook's sheets in order; an empty list for a file that is not a workbook. */
    public static List<SheetInfo> sheets(Path file) throws IOException {
        return switch (FileFormat.detect(file)) {
            case XLSX -> XlsxSource.sheets(file);
            case XLS -> XlsSource.sheets(file);
            default -> List.of();
        };
    }

    /**
     * Up to {@code maxRows} rows of {@code file} as the import will read them. A file that cannot be read, or is
     * refused, gives a preview whose problems say why. A JSON file's columns are those its first 10,000 records use;
     * the import reads all of them and maps a column first met later by default.
     *
     * @param dialect   for a CSV file; {@code null} to detect it
     * @param sheet     for a workbook, a sheet name or number from 1; {@code null} = the first non-empty sheet
     * @param headerRow for a workbook, the row (from 1) with the column names; 0 = the first non-empty row
     */
    public static FilePreview preview(Path file, CsvDialect dialect, String sheet, int headerRow, int maxRows) throws IOException {
        FileFormat format;
        try {
            format = FileFormat.detect(file);
        } catch (ImportException e) {
            return new FilePreview(null, null, List.of(), null, List.of(), List.of(), List.of(e.getMessage()));
        }
        if (format == FileFormat.CSV) {
            CsvDialect read = dialect != null ? dialect : CsvSniffer.sniff(file);
            CsvPreview csv = CsvPreviewer.preview(file, read, maxRows);
            return new FilePreview(format, read, List.of(), null, csv.headers(), csv.rows(), csv.problems());
        }
        List<String> problems = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<SheetInfo> sheets = List.of();
        try {
            sheets = format.isWorkbook() ? sheets(file) : List.of();
            try (RecordSource source = format.isWorkbook() ? open(file, format, null, sheet, headerRow, (line, reason, raw) -> { })
                    : JsonSource.openForPreview(file, format == FileFormat.JSONL, PREVIEW_SCAN_RECORDS)) {
                String read = source instanceof SheetSource sheetSource ? sheetSource.sheetName() : null;
                if (source instanceof SheetSource sheetSource) {
                    problems.addAll(sheetSource.headerProblems());
                }
                if (source.headers().isEmpty()) {
                    problems.add(read != null ? "The sheet '" + read + "' is empty" : "The file holds no records");
                    return new FilePreview(format, null, sheets, read, List.of(), List.of(), problems);
                }
                RecordSource.Row row;
                while (rows.size() < maxRows && (row = source.next()) != null) {
                    rows.add(Arrays.asList(row.values()));
                    if (row.problem() != null && problems.size() < MAX_PROBLEMS) {
                        problems.add((read != null ? "Row " : "Line ") + row.line() + ": " + row.problem() + "; this record will be rejected");
                    }
                }
                return new FilePreview(format, null, sheets, read, source.headers(), rows, problems);
            }
        } catch (ImportException e) {
            problems.add(e.getMessage());
            return new FilePreview(format, null, sheets, null, List.of(), rows, problems);
        }
    }

    /** Opens {@code file}, already detected as {@code format}, as the import reads it. */
    static RecordSource open(Path file, FileFormat format, CsvDialect dialect, String sheet, int headerRow, RecordSource.RejectSink rejects)
            throws IOException {
        return switch (format) {
            case CSV -> CsvSource.open(file, dialect != null ? dialect : CsvSniffer.sniff(file), rejects);
            case XLSX -> XlsxSource.open(file, sheet, headerRow, rejects);
            case XLS -> XlsSource.open(file, sheet, headerRow, rejects);
            case JSON -> JsonSource.open(file, false, rejects);
            case JSONL -> JsonSource.open(file, true, rejects);
        };
    }
}

package org.cdpdesktop.core.ingest;

import java.nio.file.Path;

/**
 * Everything an import needs besides its rows.
 *
 * @param dialect     how a CSV file is written; {@code null} to detect it (and for records not read from a CSV file)
 * @param rejectsFile where rejected rows go; {@code null} = a new file in the data folder's {@code rejects/}
 * @param sheet       a workbook's sheet, by name or number from 1; {@code null} = its first non-empty sheet
 * @param headerRow   the workbook row (from 1) holding the column names; 0 = the sheet's first non-empty row
 */
public record ImportOptions(CsvDialect dialect, ColumnMapping mapping, DuplicatePolicy onDuplicate, boolean dryRun, Path rejectsFile,
                            String sheet, int headerRow) {
    public ImportOptions {
        if (mapping == null || onDuplicate == null) {
            throw new IllegalArgumentException("An import needs a column mapping and a duplicate policy");
        }
        if (headerRow < 0) {
            throw new IllegalArgumentException("The header row is counted from 1 (0 = the first non-empty row), not " + headerRow);
        }
        if (sheet != null && sheet.isBlank()) {
            sheet = null;
        }
    }

    /** Options for a CSV file or records in memory: a workbook's first non-empty sheet, headed by its first non-empty row. */
    public ImportOptions(CsvDialect dialect, ColumnMapping mapping, DuplicatePolicy onDuplicate, boolean dryRun, Path rejectsFile) {
        this(dialect, mapping, onDuplicate, dryRun, rejectsFile, null, 0);
    }

    public ImportOptions withSheet(String newSheet, int newHeaderRow) {
        return new ImportOptions(dialect, mapping, onDuplicate, dryRun, rejectsFile, newSheet, newHeaderRow);
    }
}

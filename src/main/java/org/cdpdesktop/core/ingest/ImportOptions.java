package org.cdpdesktop.core.ingest;

import java.nio.file.Path;

/**
 * Everything an import needs besides its rows.
 *
 * @param dialect     how a CSV file is written; {@code null} for records that are not read from a file
 * @param rejectsFile where rejected rows go; {@code null} = a new file in the data folder's {@code rejects/}
 */
public record ImportOptions(CsvDialect dialect, ColumnMapping mapping, DuplicatePolicy onDuplicate, boolean dryRun, Path rejectsFile) {
    public ImportOptions {
        if (mapping == null || onDuplicate == null) {
            throw new IllegalArgumentException("An import needs a column mapping and a duplicate policy");
        }
    }
}

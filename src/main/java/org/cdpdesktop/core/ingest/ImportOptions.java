package org.cdpdesktop.core.ingest;

import java.nio.file.Path;

/**
 * Everything an import needs besides the file.
 *
 * @param rejectsFile where rejected rows go; {@code null} = a new file in the data folder's {@code rejects/}
 */
public record ImportOptions(CsvDialect dialect, ColumnMapping mapping, DuplicatePolicy onDuplicate, boolean dryRun, Path rejectsFile) {
    public ImportOptions {
        if (dialect == null || mapping == null || onDuplicate == null) {
            throw new IllegalArgumentException("An import needs a dialect, a column mapping and a duplicate policy");
        }
    }
}

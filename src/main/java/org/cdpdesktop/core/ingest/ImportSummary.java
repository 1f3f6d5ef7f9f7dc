package org.cdpdesktop.core.ingest;

import java.util.List;

/**
 * What an import did. Every data row read is counted exactly once:
 * {@code read = inserted + updated + duplicates + rejected}.
 *
 * @param inserted    rows that became a new profile
 * @param updated     rows merged into a profile that existed before this import (the first such row per profile)
 * @param duplicates  rows merged into a profile this same import had already inserted or updated
 * @param rejected    rows not stored; each is in {@code rejectsFile} with its line number and reason
 * @param rejectsFile {@code null} when no row was rejected
 * @param batchId     the import history entry, {@code 0} for a dry run (nothing is kept)
 * @param cleaning    per column mapped to a profile field, in file order: how many of its values were normalised and
 *                    how many kept aside as {@code invalid_<field>}
 * @param warning     {@code null}, or what went wrong in the work that follows a committed import (segment
 *                    snapshots): the import itself is in the store all the same
 */
public record ImportSummary(long batchId, String file, long read, long inserted, long updated, long duplicates, long rejected,
                            String rejectsFile, double seconds, double rowsPerSecond, boolean dryRun,
                            List<ColumnCleaning> cleaning, String warning) {

    public ImportSummary {
        cleaning = List.copyOf(cleaning);
    }

    /** A summary without a warning, as every import run ends. */
    public ImportSummary(long batchId, String file, long read, long inserted, long updated, long duplicates, long rejected,
                         String rejectsFile, double seconds, double rowsPerSecond, boolean dryRun, List<ColumnCleaning> cleaning) {
        this(batchId, file, read, inserted, updated, duplicates, rejected, rejectsFile, seconds, rowsPerSecond, dryRun, cleaning, null);
    }

    /** This summary with the warning that the work following the import failed. */
    ImportSummary withWarning(String text) {
        return new ImportSummary(batchId, file, read, inserted, updated, duplicates, rejected, rejectsFile, seconds,
                rowsPerSecond, dryRun, cleaning, text);
    }

    /** How many values, over every column, could not be cleaned and were kept aside. */
    public long invalidValues() {
        return cleaning.stream().mapToLong(ColumnCleaning::invalid).sum();
    }

    /** This summary timed from {@code startedNanos} until now: committing is part of an import's time. */
    ImportSummary timedFrom(long startedNanos) {
        double elapsed = (System.nanoTime() - startedNanos) / 1e9;
        return new ImportSummary(batchId, file, read, inserted, updated, duplicates, rejected, rejectsFile, elapsed,
                elapsed > 0 ? read / elapsed : 0, dryRun, cleaning, warning);
    }
}

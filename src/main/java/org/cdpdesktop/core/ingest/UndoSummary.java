package org.cdpdesktop.core.ingest;

import java.util.List;

/**
 * What undoing an import did.
 *
 * @param removed             profiles removed: every profile the import created
 * @param removedLaterUpdated of those, how many a later import had updated
 * @param keptUpdated         profiles the import only updated, kept as they are
 * @param keptExternalIds     the external ids of the first {@link ImportUndo#LISTED} of those kept profiles
 * @param warning             null, or what failed after the undo was committed (updating the segments)
 */
public record UndoSummary(long batchId, String fileName, long removed, long removedLaterUpdated, long keptUpdated,
                          List<String> keptExternalIds, double seconds, String warning) {

    public UndoSummary {
        keptExternalIds = List.copyOf(keptExternalIds);
    }

    /** This summary with the warning that the work following the undo failed. */
    UndoSummary withWarning(String text) {
        return new UndoSummary(batchId, fileName, removed, removedLaterUpdated, keptUpdated, keptExternalIds, seconds, text);
    }
}

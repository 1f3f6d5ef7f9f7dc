package org.cdpdesktop.core.ingest;

import java.util.List;

/**
 * What undoing an import did.
 *
 * @param removed             profiles removed: every profile the import created
 * @param removedLaterUpdated of those, how many a later import had updated
 * @param keptUpdated         profiles the import only updated, kept as they are
 * @param keptExternalIds     the external ids of the first {@link ImportUndo#LISTED} of those kept profiles
 */
public record UndoSummary(long batchId, String fileName, long removed, long removedLaterUpdated, long keptUpdated,
                          List<String> keptExternalIds, double seconds) {

    public UndoSummary {
        keptExternalIds = List.copyOf(keptExternalIds);
    }
}

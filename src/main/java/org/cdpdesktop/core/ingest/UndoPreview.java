package org.cdpdesktop.core.ingest;

import java.util.List;

/**
 * What undoing an import would do, for the confirmation that comes first.
 *
 * @param created             profiles the import created: undo removes them
 * @param createdLaterUpdated of those, how many a later import updated; they are removed all the same, with what the
 *                            later import added to them
 * @param updated             profiles that existed before and that the import only updated: undo keeps them as they are
 *                            now, as the values they had before are not kept
 * @param updatedExternalIds  the external ids of the first {@link ImportUndo#LISTED} of those updated profiles
 */
public record UndoPreview(long batchId, String fileName, String startedAt, long created, long createdLaterUpdated, long updated,
                          List<String> updatedExternalIds) {

    public UndoPreview {
        updatedExternalIds = List.copyOf(updatedExternalIds);
    }
}

package org.cdpdesktop.core.ingest;

import java.util.List;
import java.util.Map;

/**
 * One chunk's rows resolved to profiles, ready to write: every profile the chunk touched by id, those it creates,
 * the stored ones it updates for the first time in this import, the stored ones merged away, and how its rows count.
 */
record ResolvedChunk(Map<Long, Draft> byId, List<Draft> created, List<Draft> firstUpdated, List<Merged> merged,
                     long inserted, long updated, long duplicates) {

    /** A stored profile that this import found to be the same customer as another one, and merged into it. */
    record Merged(long stored, long into) {
    }
}

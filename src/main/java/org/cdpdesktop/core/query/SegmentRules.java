package org.cdpdesktop.core.query;

import java.util.Optional;

/** Looks up a saved segment's live rule by name (case-insensitive), so that {@code segment "X"} can be inlined. */
@FunctionalInterface
public interface SegmentRules {

    Optional<Condition> ruleOf(String segmentName);
}

package org.cdpdesktop.core.segment;

/** One stored snapshot of a segment: when, why (import, prediction, manual) and how many members. */
public record SnapshotPoint(long id, long segmentId, String takenAt, String reason, long size) {
}

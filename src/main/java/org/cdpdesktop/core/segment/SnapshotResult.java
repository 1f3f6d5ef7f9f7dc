package org.cdpdesktop.core.segment;

/**
 * What one snapshot did to one segment: its new size and how many joined and left since its previous evaluation;
 * {@code error} is set (and nothing stored for it) when the segment's rule could not be evaluated.
 */
public record SnapshotResult(long segmentId, String name, long size, long added, long removed, String error) {
}

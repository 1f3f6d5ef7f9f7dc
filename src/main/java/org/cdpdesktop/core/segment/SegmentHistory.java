package org.cdpdesktop.core.segment;

import java.util.List;

/** A segment's sizes over time, oldest first, for trend charts. */
public record SegmentHistory(long segmentId, String name, List<SnapshotPoint> points) {

    public SegmentHistory {
        points = List.copyOf(points);
    }
}

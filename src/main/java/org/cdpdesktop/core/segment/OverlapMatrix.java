package org.cdpdesktop.core.segment;

import java.util.List;
import java.util.Map;

/**
 * Pairwise overlaps of the saved segments: {@code sizes[i]} members in {@code segments[i]}, {@code both[i][j]} in
 * segments i and j (the diagonal is the size). Segments whose rule cannot be evaluated are left out, with the reason
 * under their name in {@code failed}.
 */
public record OverlapMatrix(List<Segment> segments, long[] sizes, long[][] both, Map<String, String> failed, long millis) {

    public OverlapMatrix {
        segments = List.copyOf(segments);
        failed = Map.copyOf(failed);
    }

    /** |A ∩ B| / |A ∪ B|, 0 for two empty segments. */
    public double jaccard(int i, int j) {
        long union = sizes[i] + sizes[j] - both[i][j];
        return union == 0 ? 0 : (double) both[i][j] / union;
    }
}

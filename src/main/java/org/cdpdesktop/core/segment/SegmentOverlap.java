package org.cdpdesktop.core.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdpdesktop.core.profile.Profile;

/**
 * How the saved segments overlap, from their live rules (so a segment saved since the last snapshot counts too):
 * each segment's member ids once, then one merge per pair.
 */
public final class SegmentOverlap {

    private final SegmentService segments;

    public SegmentOverlap(SegmentService segments) {
        this.segments = segments;
    }

    public OverlapMatrix matrix() {
        long started = System.nanoTime();
        List<Segment> evaluated = new ArrayList<>();
        List<long[]> members = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (Segment segment : segments.list()) {
            try {
                members.add(segments.memberIds(segment.rule()));
                evaluated.add(segment);
            } catch (IllegalArgumentException e) {
                failed.put(segment.name(), e.getMessage());
            }
        }
        int n = evaluated.size();
        long[] sizes = new long[n];
        long[][] both = new long[n][n];
        for (int i = 0; i < n; i++) {
            sizes[i] = members.get(i).length;
            both[i][i] = sizes[i];
            for (int j = 0; j < i; j++) {
                both[i][j] = MemberIds.intersection(members.get(i), members.get(j)).length;
                both[j][i] = both[i][j];
            }
        }
        return new OverlapMatrix(evaluated, sizes, both, failed, (System.nanoTime() - started) / 1_000_000);
    }

    /** The profiles in both segments, in id order, at most {@code limit}. */
    public List<Profile> inBoth(Segment first, Segment second, int limit) {
        long[] both = MemberIds.intersection(segments.memberIds(first.rule()), segments.memberIds(second.rule()));
        return segments.profiles(both, limit);
    }
}

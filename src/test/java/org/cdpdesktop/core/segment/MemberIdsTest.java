package org.cdpdesktop.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

class MemberIdsTest {

    @Test
    void decodeGivesBackTheEncodedIds() {
        long[] ids = new Random(3).longs(50_000, 1, 10_000_000).distinct().sorted().toArray();

        assertThat(MemberIds.decodeSet(MemberIds.encode(set(ids)), ids.length).toArray()).containsExactly(ids);
    }

    @Test
    void emptyAndHugeIdsRoundTrip() {
        assertThat(MemberIds.decodeSet(MemberIds.encode(set(new long[0])), 0).isEmpty()).isTrue();
        long[] extremes = {1, 127, 128, 16_384, Long.MAX_VALUE};
        assertThat(MemberIds.decodeSet(MemberIds.encode(set(extremes)), extremes.length).toArray()).containsExactly(extremes);
    }

    @Test
    void aDenseMillionIdsTakeAFewKilobytes() {
        long[] ids = new long[1_000_000];
        Arrays.setAll(ids, i -> i + 1);

        assertThat(MemberIds.encode(set(ids)).length).isLessThan(10_000);
    }

    @Test
    void intersectionKeepsTheIdsInBothListsInOrder() {
        assertThat(MemberIds.intersection(new long[] {1, 3, 5, 7, 9}, new long[] {0, 3, 4, 7, 10})).containsExactly(3, 7);
        assertThat(MemberIds.intersection(new long[] {2}, new long[0])).isEmpty();
    }

    @Test
    void aCorruptBlobIsReportedNotMisread() {
        byte[] blob = MemberIds.encode(set(new long[] {1, 2, 3}));

        assertThatThrownBy(() -> MemberIds.decodeSet(new byte[] {1, 2, 3, 4}, 3))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("not valid compressed data");
        assertThatThrownBy(() -> MemberIds.decodeSet(Arrays.copyOf(blob, blob.length - 3), 3))
                .isInstanceOf(CorruptSnapshotException.class);
        assertThatThrownBy(() -> MemberIds.decodeSet(blob, 5))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("ends after 3 of 5");
        assertThatThrownBy(() -> MemberIds.decodeSet(blob, 2))
                .isInstanceOf(CorruptSnapshotException.class);
        assertThatThrownBy(() -> MemberIds.decodeSet(null, 0))
                .isInstanceOf(CorruptSnapshotException.class);
    }

    @Test
    void aBlobThatInflatesFarBeyondItsSizeIsRefused() {
        long[] many = new long[100_000];
        Arrays.setAll(many, i -> i + 1);

        assertThatThrownBy(() -> MemberIds.decodeSet(MemberIds.encode(set(many)), 10))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("larger than its size allows");
    }

    private static Roaring64NavigableMap set(long[] ids) {
        return Roaring64NavigableMap.bitmapOf(ids);
    }
}

package org.cdpdesktop.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemberIdsTest {

    @Test
    void decodeGivesBackTheEncodedIds() {
        long[] ids = new Random(3).longs(50_000, 1, 10_000_000).distinct().sorted().toArray();

        assertThat(MemberIds.decode(MemberIds.encode(ids), ids.length)).containsExactly(ids);
    }

    @Test
    void unionMergesTwoAscendingListsKeepingEachIdOnce() {
        assertThat(MemberIds.union(new long[] {1, 4, 9}, new long[] {2, 4, 10, 11})).containsExactly(1, 2, 4, 9, 10, 11);
        assertThat(MemberIds.union(new long[0], new long[] {3})).containsExactly(3);
        assertThat(MemberIds.union(new long[] {5}, new long[0])).containsExactly(5);
    }

    @Test
    void emptyAndHugeIdsRoundTrip() {
        assertThat(MemberIds.decode(MemberIds.encode(new long[0]), 0)).isEmpty();
        long[] extremes = {1, 127, 128, 16_384, Long.MAX_VALUE};
        assertThat(MemberIds.decode(MemberIds.encode(extremes), extremes.length)).containsExactly(extremes);
    }

    @Test
    void aDenseMillionIdsTakeAFewKilobytes() {
        long[] ids = new long[1_000_000];
        Arrays.setAll(ids, i -> i + 1);

        assertThat(MemberIds.encode(ids).length).isLessThan(10_000);
    }

    @Test
    void intersectionKeepsTheIdsInBothListsInOrder() {
        assertThat(MemberIds.intersection(new long[] {1, 3, 5, 7, 9}, new long[] {0, 3, 4, 7, 10})).containsExactly(3, 7);
        assertThat(MemberIds.intersection(new long[] {2}, new long[0])).isEmpty();
    }

    @Test
    void differenceKeepsTheIdsMissingFromTheOtherList() {
        assertThat(MemberIds.difference(new long[] {1, 3, 5, 7}, new long[] {3, 4, 7})).containsExactly(1, 5);
        assertThat(MemberIds.difference(new long[0], new long[] {1})).isEmpty();
    }

    @Test
    void refusesIdsOutOfOrder() {
        assertThatThrownBy(() -> MemberIds.encode(new long[] {5, 3})).hasMessageContaining("ascending");
    }

    @Test
    void aCorruptBlobIsReportedNotMisread() {
        byte[] blob = MemberIds.encode(new long[] {1, 2, 3});

        assertThatThrownBy(() -> MemberIds.decode(new byte[] {1, 2, 3, 4}, 3))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("not valid compressed data");
        assertThatThrownBy(() -> MemberIds.decode(Arrays.copyOf(blob, blob.length - 3), 3))
                .isInstanceOf(CorruptSnapshotException.class);
        assertThatThrownBy(() -> MemberIds.decode(blob, 5))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("ends after 3 of 5");
        assertThatThrownBy(() -> MemberIds.decode(blob, 2))
                .isInstanceOf(CorruptSnapshotException.class);
        assertThatThrownBy(() -> MemberIds.decode(null, 0))
                .isInstanceOf(CorruptSnapshotException.class);
    }

    @Test
    void aBlobThatInflatesFarBeyondItsSizeIsRefused() {
        long[] many = new long[100_000];
        Arrays.setAll(many, i -> i + 1);

        assertThatThrownBy(() -> MemberIds.decode(MemberIds.encode(many), 10))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("larger than its size allows");
    }
}

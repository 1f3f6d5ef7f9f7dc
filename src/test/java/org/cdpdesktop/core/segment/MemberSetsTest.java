package org.cdpdesktop.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/** Member sets as compressed bitmaps, encoded in the stored form of {@link MemberIds}. */
class MemberSetsTest {

    @Test
    void aSetRoundTripsThroughTheStoredForm() {
        long[] ids = new Random(7).longs(200_000, 1, 3_000_000).distinct().sorted().toArray();
        Roaring64NavigableMap set = Roaring64NavigableMap.bitmapOf(ids);

        Roaring64NavigableMap decoded = MemberIds.decodeSet(MemberIds.encode(set), ids.length);

        assertThat(decoded.toArray()).containsExactly(ids);
    }

    /** The blob as snapshots wrote it before sets: every varint gap built in one array, then deflated in one call. */
    @Test
    void aBlobWrittenTheOldWayStillDecodesAsASet() {
        long[] ids = {1, 2, 3, 200, 70_000, 5_000_000_000L, Long.MAX_VALUE};
        ByteArrayOutputStream varints = new ByteArrayOutputStream();
        long previous = 0;
        for (long id : ids) {
            long gap = id - previous;
            while (gap >= 0x80) {
                varints.write((int) (gap & 0x7F) | 0x80);
                gap >>>= 7;
            }
            varints.write((int) gap);
            previous = id;
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(varints.toByteArray());
        deflater.finish();
        byte[] buffer = new byte[1024];
        byte[] blob = Arrays.copyOf(buffer, deflater.deflate(buffer));
        deflater.end();

        assertThat(MemberIds.decodeSet(blob, ids.length).toArray()).containsExactly(ids);
    }

    @Test
    void idsBeyondTheIntRangeAreKeptExactly() {
        long[] ids = {5, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 1L << 40, Long.MAX_VALUE};
        Roaring64NavigableMap set = Roaring64NavigableMap.bitmapOf(ids);

        assertThat(MemberIds.decodeSet(MemberIds.encode(set), ids.length).toArray()).containsExactly(ids);
        assertThat(MemberIds.difference(set, Roaring64NavigableMap.bitmapOf(1L << 40)).toArray())
                .containsExactly(5, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE);
    }

    @Test
    void aNegativeIdIsRefusedNotStoredOutOfOrder() {
        assertThatThrownBy(() -> MemberIds.encode(Roaring64NavigableMap.bitmapOf(3, -4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive and ascending");
    }

    @Test
    void setDifferencesMatchTheArrayDifferences() {
        Random random = new Random(5);
        long[] before = random.longs(30_000, 1, 100_000).distinct().sorted().toArray();
        long[] after = random.longs(30_000, 1, 100_000).distinct().sorted().toArray();
        Roaring64NavigableMap beforeSet = Roaring64NavigableMap.bitmapOf(before);
        Roaring64NavigableMap afterSet = Roaring64NavigableMap.bitmapOf(after);

        assertThat(MemberIds.difference(afterSet, beforeSet).toArray()).containsExactly(Arrays.stream(after).filter(id -> Arrays.binarySearch(before, id) < 0).toArray());
        assertThat(MemberIds.difference(beforeSet, afterSet).toArray()).containsExactly(Arrays.stream(before).filter(id -> Arrays.binarySearch(after, id) < 0).toArray());
    }

    @Test
    void aDenseTenMillionMemberSetTakesAboutAMegabyte() {
        Roaring64NavigableMap everyone = new Roaring64NavigableMap();
        everyone.addRange(1, 10_000_001);
        Roaring64NavigableMap everyOther = new Roaring64NavigableMap();
        for (long id = 1; id <= 10_000_000; id += 2) {
            everyOther.addLong(id);
        }

        assertThat(everyone.getLongSizeInBytes()).isLessThan(2_000_000);
        assertThat(everyOther.getLongSizeInBytes()).isLessThan(2_000_000);
        assertThat(MemberIds.decodeSet(MemberIds.encode(everyOther), 5_000_000).getLongCardinality()).isEqualTo(5_000_000);
    }

    @Test
    void aCorruptBlobIsReportedWhenDecodedAsASet() {
        byte[] blob = MemberIds.encode(Roaring64NavigableMap.bitmapOf(1, 2, 3));

        assertThatThrownBy(() -> MemberIds.decodeSet(blob, 5))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("ends after 3 of 5");
        assertThatThrownBy(() -> MemberIds.decodeSet(blob, 2))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("more than 2");
        assertThatThrownBy(() -> MemberIds.decodeSet(Arrays.copyOf(blob, blob.length - 3), 3))
                .isInstanceOf(CorruptSnapshotException.class);
    }
}

package org.cdpdesktop.core.segment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.PrimitiveIterator;
import java.util.function.LongConsumer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import org.roaringbitmap.longlong.LongIterator;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The compact form of a snapshot's member ids: ascending ids as gaps, each gap a varint (7 bits a byte), then
 * deflated. A million members of a dense id range take a few kilobytes. Decoding trusts nothing: it stops at the
 * expected count, refuses overlong varints, gaps that do not move forward and output beyond the expected size.
 * Snapshots hold member sets as {@link Roaring64NavigableMap}s, which store a dense id range as bits and a sparse one as
 * 16-bit offsets, per 2^32 ids, and encode and decode them in this same form, so the stored blobs read the same either way.
 */
public final class MemberIds {

    /** Ids at most this long in varint form: a positive long needs at most 9 bytes of 7 bits. */
    private static final int MAX_VARINT_BYTES = 9;

    private MemberIds() {
    }

    /**
     * Encodes a set of positive ids (in the bitmap's unsigned order a negative one comes last and is refused) as
     * deflated varint gaps, the form snapshots have always been stored in, without holding them as an array.
     */
    public static byte[] encode(Roaring64NavigableMap ids) {
        LongIterator ascending = ids.getLongIterator();
        return encode(new PrimitiveIterator.OfLong() {
            @Override
            public boolean hasNext() {
                return ascending.hasNext();
            }

            @Override
            public long nextLong() {
                return ascending.next();
            }
        });
    }

    /** The varints go to the deflater a buffer at a time: a dense segment of ten million members is ten megabytes of them. */
    private static byte[] encode(PrimitiveIterator.OfLong ascendingIds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(out, deflater, 8192)) {
            byte[] varints = new byte[8192];
            int n = 0;
            long previous = 0;
            while (ascendingIds.hasNext()) {
                long id = ascendingIds.nextLong();
                if (id <= previous) {
                    throw new IllegalArgumentException("Member ids must be positive and ascending; " + id + " follows " + previous);
                }
                if (n > varints.length - MAX_VARINT_BYTES) {
                    deflated.write(varints, 0, n);
                    n = 0;
                }
                long gap = id - previous;
                while (gap >= 0x80) {
                    varints[n++] = (byte) ((gap & 0x7F) | 0x80);
                    gap >>>= 7;
                }
                varints[n++] = (byte) gap;
                previous = id;
            }
            deflated.write(varints, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /**
     * Decodes {@code expectedCount} ids written by {@link #encode}, into a compressed bitmap (a blob that does not fit
     * is a {@link CorruptSnapshotException}): a dense segment of ten million members takes about a
     * megabyte instead of eighty as an array, and the varints are inflated a buffer at a time instead of all at once.
     */
    public static Roaring64NavigableMap decodeSet(byte[] blob, long expectedCount) {
        Roaring64NavigableMap ids = new Roaring64NavigableMap();
        decode(blob, expectedCount, ids::addLong);
        return ids;
    }

    private static void decode(byte[] blob, long expectedCount, LongConsumer ids) {
        if (blob == null) {
            throw new CorruptSnapshotException("the snapshot has no member list");
        }
        if (expectedCount < 0) {
            throw new CorruptSnapshotException("the snapshot has a negative size");
        }
        Varints varints = new Varints(blob, expectedCount * MAX_VARINT_BYTES);
        try {
            long previous = 0;
            for (long i = 0; i < expectedCount; i++) {
                long gap = 0;
                int shift = 0;
                while (true) {
                    int b = varints.read();
                    if (b < 0) {
                        throw new CorruptSnapshotException("the member list ends after " + i + " of " + expectedCount + " ids");
                    }
                    gap |= (long) (b & 0x7F) << shift;
                    if ((b & 0x80) == 0) {
                        break;
                    }
                    shift += 7;
                    if (shift >= 7 * MAX_VARINT_BYTES) {
                        throw new CorruptSnapshotException("the member list holds an id too large to be one");
                    }
                }
                if (gap <= 0 || previous + gap < previous) {
                    throw new CorruptSnapshotException("the member list holds ids out of order");
                }
                previous += gap;
                ids.accept(previous);
            }
            if (varints.read() >= 0) {
                throw new CorruptSnapshotException("the member list holds more than " + expectedCount + " ids");
            }
        } finally {
            varints.end();
        }
    }

    /** The inflated bytes of a blob, a buffer at a time, refusing more than {@code maxBytes} in all. */
    private static final class Varints {
        private final Inflater inflater = new Inflater();
        private final byte[] buffer = new byte[8192];
        private final long maxBytes;
        private long inflated;
        private int at;
        private int size;

        Varints(byte[] blob, long maxBytes) {
            this.maxBytes = maxBytes;
            inflater.setInput(blob);
        }

        /** The next byte, or -1 at the end of the compressed data. */
        int read() {
            while (at == size) {
                if (inflater.finished()) {
                    return -1;
                }
                try {
                    size = inflater.inflate(buffer);
                } catch (DataFormatException e) {
                    throw new CorruptSnapshotException("the member list is not valid compressed data: " + e.getMessage());
                }
                at = 0;
                inflated += size;
                if (inflated > maxBytes) {
                    throw new CorruptSnapshotException("the member list is larger than its size allows");
                }
                if (size == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new CorruptSnapshotException("the member list is truncated");
                }
            }
            return buffer[at++] & 0xFF;
        }

        void end() {
            inflater.end();
        }
    }

    /** The ids of {@code ids} that are not in {@code others}, as a new set. */
    public static Roaring64NavigableMap difference(Roaring64NavigableMap ids, Roaring64NavigableMap others) {
        Roaring64NavigableMap left = new Roaring64NavigableMap();
        left.or(ids);
        left.andNot(others);
        return left;
    }

    /** The ids in both ascending lists, in order; one merge pass, since overlap matrices intersect every pair. */
    public static long[] intersection(long[] ascending, long[] ascendingOthers) {
        long[] both = new long[Math.min(ascending.length, ascendingOthers.length)];
        int n = 0;
        for (int i = 0, j = 0; i < ascending.length && j < ascendingOthers.length; ) {
            if (ascending[i] < ascendingOthers[j]) {
                i++;
            } else if (ascending[i] > ascendingOthers[j]) {
                j++;
            } else {
                both[n++] = ascending[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(both, n);
    }
}

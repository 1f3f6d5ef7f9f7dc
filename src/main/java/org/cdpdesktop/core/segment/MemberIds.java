package org.cdpdesktop.core.segment;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The compact form of a snapshot's member ids: ascending ids as gaps, each gap a varint (7 bits a byte), then
 * deflated. A million members of a dense id range take a few kilobytes. Decoding trusts nothing: it stops at the
 * expected count, refuses overlong varints, gaps that do not move forward and output beyond the expected size.
 */
public final class MemberIds {

    /** Ids at most this long in varint form: a positive long needs at most 9 bytes of 7 bits. */
    private static final int MAX_VARINT_BYTES = 9;

    private MemberIds() {
    }

    /** Encodes ascending, distinct, positive ids. */
    public static byte[] encode(long[] ascendingIds) {
        ByteArrayOutputStream varints = new ByteArrayOutputStream(Math.max(16, ascendingIds.length * 2));
        long previous = 0;
        for (long id : ascendingIds) {
            if (id <= previous) {
                throw new IllegalArgumentException("Member ids must be positive and ascending; " + id + " follows " + previous);
            }
            long gap = id - previous;
            while (gap >= 0x80) {
                varints.write((int) (gap & 0x7F) | 0x80);
                gap >>>= 7;
            }
            varints.write((int) gap);
            previous = id;
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(varints.toByteArray());
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, varints.size() / 4));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Decodes {@code expectedCount} ids written by {@link #encode}; a blob that does not fit is a {@link CorruptSnapshotException}. */
    public static long[] decode(byte[] blob, int expectedCount) {
        if (blob == null) {
            throw new CorruptSnapshotException("the snapshot has no member list");
        }
        if (expectedCount < 0) {
            throw new CorruptSnapshotException("the snapshot has a negative size");
        }
        long maxBytes = (long) expectedCount * MAX_VARINT_BYTES;
        byte[] varints = inflate(blob, (int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        long[] ids = new long[expectedCount];
        int at = 0;
        long previous = 0;
        for (int i = 0; i < expectedCount; i++) {
            long gap = 0;
            int shift = 0;
            while (true) {
                if (at >= varints.length) {
                    throw new CorruptSnapshotException("the member list ends after " + i + " of " + expectedCount + " ids");
                }
                int b = varints[at++] & 0xFF;
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
            ids[i] = previous;
        }
        if (at != varints.length) {
            throw new CorruptSnapshotException("the member list holds more than " + expectedCount + " ids");
        }
        return ids;
    }

    private static byte[] inflate(byte[] blob, int maxBytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 1 << 20) + 1);
            byte[] buffer = new byte[8192];
            while (true) {
                int n = inflater.inflate(buffer);
                if (out.size() + n > maxBytes) {
                    throw new CorruptSnapshotException("the member list is larger than its size allows");
                }
                out.write(buffer, 0, n);
                if (inflater.finished()) {
                    return out.toByteArray();
                }
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new CorruptSnapshotException("the member list is truncated");
                }
            }
        } catch (DataFormatException e) {
            throw new CorruptSnapshotException("the member list is not valid compressed data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    /** The ids of {@code ascending} that are not in {@code ascendingOthers}, in order; one merge pass over both. */
    public static long[] difference(long[] ascending, long[] ascendingOthers) {
        long[] left = new long[ascending.length];
        int n = 0;
        int j = 0;
        for (long id : ascending) {
            while (j < ascendingOthers.length && ascendingOthers[j] < id) {
                j++;
            }
            if (j == ascendingOthers.length || ascendingOthers[j] != id) {
                left[n++] = id;
            }
        }
        return Arrays.copyOf(left, n);
    }

    /** The ids in either ascending list, in order, each once. */
    public static long[] union(long[] ascending, long[] ascendingOthers) {
        long[] either = new long[ascending.length + ascendingOthers.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < ascending.length || j < ascendingOthers.length) {
            if (j == ascendingOthers.length || (i < ascending.length && ascending[i] < ascendingOthers[j])) {
                either[n++] = ascending[i++];
            } else if (i == ascending.length || ascending[i] > ascendingOthers[j]) {
                either[n++] = ascendingOthers[j++];
            } else {
                either[n++] = ascending[i++];
                j++;
            }
        }
        return Arrays.copyOf(either, n);
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

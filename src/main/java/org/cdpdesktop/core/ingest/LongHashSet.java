package org.cdpdesktop.core.ingest;

/**
 * A set of 64-bit hashes in one open-addressing array: 8 bytes an entry, so the identity filter for millions of
 * profiles fits in a small heap where a {@code HashSet<String>} would not.
 */
final class LongHashSet {

    private static final long EMPTY = 0;
    private long[] slots;
    private int size;
    private boolean containsZero;

    LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity];
    }

    void add(long value) {
        if (value == EMPTY) {
            containsZero = true;
            return;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, value)) {
            size++;
        }
    }

    boolean contains(long value) {
        if (value == EMPTY) {
            return containsZero;
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == value) {
                return true;
            }
            if (slot == EMPTY) {
                return false;
            }
        }
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            if (table[i] == value) {
                return false;
            }
            if (table[i] == EMPTY) {
                table[i] = value;
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long value : slots) {
            if (value != EMPTY) {
                insert(bigger, value);
            }
        }
        slots = bigger;
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** A 64-bit FNV-1a hash of a string; collisions only cost an extra database look-up, never a wrong merge. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}

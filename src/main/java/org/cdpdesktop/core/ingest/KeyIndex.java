package org.cdpdesktop.core.ingest;

/**
 * Which profile id an identity key (external id or email) belongs to, kept as 64-bit key hashes in one
 * open-addressing array: 16 bytes an entry, so the keys of millions of profiles fit in a small heap where a
 * {@code HashMap<String, Long>} would not. A hash says where to look, never decides alone: the caller
 * compares the profile's actual key before merging, so a collision can only cost a look-up.
 */
final class KeyIndex {

    private static final long NONE = 0;
    private long[] keys;
    private long[] ids;
    private int size;

    KeyIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        ids = new long[capacity];
    }

    void put(String key, long id) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        if (insert(keys, ids, hash(key), id)) {
            size++;
        }
    }

    /** The id recorded for {@code key}, or 0 when there is none. */
    long get(String key) {
        long hash = hash(key);
        int mask = keys.length - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            long slot = keys[i];
            if (slot == hash) {
                return ids[i];
            }
            if (slot == NONE) {
                return 0;
            }
        }
    }

    private static boolean insert(long[] keys, long[] ids, long hash, long id) {
        int mask = keys.length - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == hash) {
                ids[i] = id;
                return false;
            }
            if (keys[i] == NONE) {
                keys[i] = hash;
                ids[i] = id;
                return true;
            }
        }
    }

    private void grow() {
        long[] biggerKeys = new long[keys.length * 2];
        long[] biggerIds = new long[keys.length * 2];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != NONE) {
                insert(biggerKeys, biggerIds, keys[i], ids[i]);
            }
        }
        keys = biggerKeys;
        ids = biggerIds;
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** 64-bit FNV-1a; never 0, which marks an empty slot. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == NONE ? 1 : h;
    }
}

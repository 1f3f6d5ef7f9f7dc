package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Which profile id an identity key (external id or email) belongs to, kept as 64-bit key hashes in one
 * open-addressing table: 16 bytes a slot (the hash and the id side by side, so a probe touches one cache line), so the
 * keys of millions of profiles fit where a {@code HashMap<String, Long>} would not. A hash says where to look, never
 * decides alone: the caller compares the profile's actual key before merging, so a collision can only cost a look-up.
 *
 * <p>Up to {@link #HEAP_SLOTS} slots the table is on the heap. A larger one (a file of several million rows) would
 * crowd a 256 MiB heap, so it lives in a memory-mapped temporary file instead, deleted as soon as it is mapped: the
 * heap stays flat and the operating system keeps the pages in memory while it can.
 */
final class KeyIndex {

    /** 2 Mi slots, 32 MiB: the keys of a million-row file into an empty store stay on the heap. */
    static final int HEAP_SLOTS = 1 << 21;
    /** 64 Mi slots, 1 GiB, the most one mapping holds: 32 Mi keys at the table's highest load. */
    static final int MAX_SLOTS = 1 << 26;
    private static final long NONE = 0;

    private final Path tempFolder;
    private LongBuffer slots;
    private int capacity;
    private int size;

    /** {@code tempFolder} holds the mapped file of a table above {@link #HEAP_SLOTS}. */
    KeyIndex(int expected, Path tempFolder) {
        this.tempFolder = tempFolder;
        capacity = Math.min(MAX_SLOTS, Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
        slots = allocate(capacity);
    }

    void put(String key, long id) {
        put(hash(key), id);
    }

    /** As {@link #put(String, long)} with the key's {@link #hash}, computed beforehand. */
    void put(long hash, long id) {
        if ((size + 1) * 2L > capacity) {
            grow();
        }
        if (insert(slots, capacity, hash, id)) {
            size++;
        }
    }

    /** The id recorded for {@code key}, or 0 when there is none. */
    long get(String key) {
        return get(hash(key));
    }

    /** As {@link #get(String)} with the key's {@link #hash}, computed beforehand. */
    long get(long hash) {
        int mask = capacity - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            long slot = slots.get(2 * i);
            if (slot == hash) {
                return slots.get(2 * i + 1);
            }
            if (slot == NONE) {
                return 0;
            }
        }
    }

    /** Whether the table lives outside the heap. */
    boolean mapped() {
        return capacity > HEAP_SLOTS;
    }

    private static boolean insert(LongBuffer slots, int capacity, long hash, long id) {
        int mask = capacity - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            long slot = slots.get(2 * i);
            if (slot == hash) {
                slots.put(2 * i + 1, id);
                return false;
            }
            if (slot == NONE) {
                slots.put(2 * i, hash);
                slots.put(2 * i + 1, id);
                return true;
            }
        }
    }

    private void grow() {
        if (capacity >= MAX_SLOTS) {
            throw new ImportException("The file has more identity keys than one import can resolve (" + size
                    + " external ids or emails); split it into smaller files");
        }
        int bigger = capacity * 2;
        LongBuffer biggerSlots = allocate(bigger);
        for (int i = 0; i < capacity; i++) {
            long hash = slots.get(2 * i);
            if (hash != NONE) {
                insert(biggerSlots, bigger, hash, slots.get(2 * i + 1));
            }
        }
        slots = biggerSlots;
        capacity = bigger;
    }

    private LongBuffer allocate(int slotCount) {
        if (slotCount <= HEAP_SLOTS) {
            return LongBuffer.allocate(2 * slotCount);
        }
        try {
            Files.createDirectories(tempFolder);
            Path file = Files.createTempFile(tempFolder, "import-keys-", ".tmp");
            // Deleted when the channel closes, right after mapping: the mapping outlives it, so no file is ever left behind.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE)) {
                return channel.map(FileChannel.MapMode.READ_WRITE, 0, 16L * slotCount).order(ByteOrder.nativeOrder()).asLongBuffer();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make room for the import's identity keys in " + tempFolder, e);
        }
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

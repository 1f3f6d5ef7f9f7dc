package org.cdpdesktop.rest;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The last requests the API answered, newest last, for the API screen; bounded so a busy client costs no memory. */
public final class RequestLog {

    /** One answered request; the path is logged without its query, which may hold emails. */
    public record Entry(Instant at, String method, String path, int status, double millis) { }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final AtomicLong total = new AtomicLong();

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    void add(Entry entry) {
        total.incrementAndGet();
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** Every request answered since the log was made, including those no longer kept. */
    public long total() {
        return total.get();
    }
}

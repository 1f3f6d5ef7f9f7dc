package org.cdpdesktop.core.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where an import's time went, phase by phase, with the CPU time of each pipeline thread and how long it waited on
 * the other: which side is the bottleneck is what decides where work should move. Logged once per import; the
 * import benchmark reads it back.
 */
final class ImportPhases {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    /** Adds {@code elapsed} nanoseconds to the phase {@code name}; safe from any thread. */
    synchronized void add(String name, long elapsed) {
        nanos.merge(name, elapsed, Long::sum);
    }

    /** The CPU time the calling thread has used so far, in nanoseconds, or 0 where the JVM cannot tell. */
    static long threadCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** {@code name=seconds} pairs in the order the phases were first recorded, e.g. {@code write=12.345s}. */
    @Override
    public synchronized String toString() {
        return nanos.entrySet().stream()
                .map(phase -> String.format(Locale.ROOT, "%s=%.3fs", phase.getKey(), phase.getValue() / 1e9))
                .collect(Collectors.joining(", "));
    }
}

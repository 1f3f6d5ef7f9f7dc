package org.cdpdesktop.core.stats;

/** The store at a glance, as {@code stats} prints it and the status bar and dashboard show it. */
public record Stats(long profileCount, long segmentCount, long modelCount, LastImport lastImport) {

    /** The most recent import run, or {@code null} in {@link Stats} when there has been none. */
    public record LastImport(String fileName, String finishedAt, String status,
                             long read, long inserted, long updated, long duplicates, long rejected) {
    }
}

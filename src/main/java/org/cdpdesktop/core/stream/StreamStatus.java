package org.cdpdesktop.core.stream;

import java.util.List;

/**
 * A snapshot of the consumer, read at a fixed rate by the screen: never pushed per message. Every message read is
 * counted once: {@code read = inserted + updated + duplicates + rejected}; each rejected message is a dead letter.
 *
 * @param messagesPerSecond messages read per second over the last second or so
 * @param lag               messages behind the end of each assigned partition, as of the last poll
 * @param lastError         the last error met, or {@code null}; kept after recovering so the user can see what happened
 */
public record StreamStatus(StreamState state, long read, long inserted, long updated, long duplicates, long rejected,
                           long deadLettered, double messagesPerSecond, List<PartitionLag> lag, String lastError, double seconds) {

    /** How far one partition is behind. */
    public record PartitionLag(String topic, int partition, long lag) { }

    public static StreamStatus stopped() {
        return new StreamStatus(StreamState.STOPPED, 0, 0, 0, 0, 0, 0, 0, List.of(), null, 0);
    }

    public long totalLag() {
        return lag.stream().mapToLong(PartitionLag::lag).sum();
    }
}

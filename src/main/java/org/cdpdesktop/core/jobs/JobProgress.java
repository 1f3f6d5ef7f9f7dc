package org.cdpdesktop.core.jobs;

import java.time.Duration;
import java.util.Optional;

/**
 * A job's progress at one moment.
 *
 * @param total         {@code -1} while the total is unknown
 * @param rowsPerSecond smoothed throughput, 0 until measurable
 * @param eta           time left at the current rate, empty while unknown
 */
public record JobProgress(String title, long done, long total, double rowsPerSecond, Optional<Duration> eta, String message) {

    /** Done as a fraction in [0, 1], or -1 while the total is unknown (an indeterminate progress bar). */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }

    /** One readable line, e.g. {@code Import 45% · 450,000 / 1,000,000 rows · 210,312 rows/s · ETA 3s · customers.csv}. */
    public String describe() {
        StringBuilder line = new StringBuilder(title);
        if (total > 0) {
            line.append(String.format(" %d%% · %,d / %,d rows", Math.round(fraction() * 100), done, total));
        } else if (done > 0) {
            line.append(String.format(" · %,d rows", done));
        }
        if (rowsPerSecond > 0) {
            line.append(String.format(" · %,.0f rows/s", rowsPerSecond));
        }
        eta.ifPresent(left -> line.append(" · ETA ").append(formatDuration(left)));
        if (message != null && !message.isBlank()) {
            line.append(" · ").append(message);
        }
        return line.toString();
    }

    static String formatDuration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}

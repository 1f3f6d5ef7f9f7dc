package org.cdpdesktop.core.jobs;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * What a running job sees of its runner: where to report progress and whether to stop. After the first
 * report, progress is passed on at most every {@link #REPORT_INTERVAL_NANOS}, so a job may report per row.
 */
public final class JobContext {

    static final long REPORT_INTERVAL_NANOS = 100_000_000L;
    private static final double SMOOTHING = 0.3;

    private final String title;
    private final JobListener listener;
    private final AtomicBoolean cancelled;
    private final LongSupplier clock;
    private long lastReportAt;
    private long lastReportDone;
    private double rate;
    private boolean reported;
    private volatile JobProgress latest;

    JobContext(String title, JobListener listener, AtomicBoolean cancelled, LongSupplier clock) {
        this.title = title;
        this.listener = listener;
        this.cancelled = cancelled;
        this.clock = clock;
        this.lastReportAt = clock.getAsLong();
        this.latest = new JobProgress(title, 0, -1, 0, Optional.empty(), "Starting");
    }

    /** A context for running a job in the calling thread, e.g. from the CLI or a test. */
    public static JobContext create(String title, JobListener listener, AtomicBoolean cancelled) {
        return new JobContext(title, listener, cancelled, System::nanoTime);
    }

    public void progress(long done, long total, String message) {
        long now = clock.getAsLong();
        boolean finished = total > 0 && done >= total;
        if (reported && now - lastReportAt < REPORT_INTERVAL_NANOS && !finished) {
            return;
        }
        reported = true;
        double elapsedSeconds = (now - lastReportAt) / 1e9;
        if (elapsedSeconds > 0 && done >= lastReportDone) {
            double instant = (done - lastReportDone) / elapsedSeconds;
            rate = rate == 0 ? instant : SMOOTHING * instant + (1 - SMOOTHING) * rate;
        }
        lastReportAt = now;
        lastReportDone = done;
        Optional<Duration> eta = total > 0 && rate > 0
                ? Optional.of(Duration.ofMillis((long) ((total - done) / rate * 1000)))
                : Optional.empty();
        latest = new JobProgress(title, done, total, rate, eta, message);
        listener.progress(latest);
    }

    /** Reports a stage change without rows, e.g. "Building indexes". */
    public void message(String message) {
        latest = new JobProgress(title, latest.done(), latest.total(), latest.rowsPerSecond(), latest.eta(), message);
        listener.progress(latest);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Stops the job by throwing once the user has cancelled it; call between chunks of work. */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new JobCancelledException(title);
        }
    }

    public JobProgress latest() {
        return latest;
    }
}

package org.cdpdesktop.cli;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobHandle;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.jobs.JobProgress;
import org.cdpdesktop.core.jobs.JobRunner;

/**
 * Runs a long job in the foreground of a CLI command: progress on stderr (one line rewritten in place on a
 * terminal, a line a second otherwise), and Ctrl-C cancels the job and waits for its rollback. Jobs that follow the
 * command's own work in the background ({@link #start}) print and cancel the same way, so nothing runs unseen.
 */
final class ForegroundJob implements JobListener {

    private static final long PLAIN_INTERVAL_NANOS = 1_000_000_000L;
    /** The job whose line the terminal shows now: a process has one terminal, whichever command or thread prints. */
    private static ForegroundJob drawnLast;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier clock;
    private long lastPrinted;
    private int lastLength;

    private ForegroundJob(PrintWriter err) {
        this(err, System.console() != null, System::nanoTime);
    }

    /** Progress printed to {@code err}, rewritten in place when it is a {@code terminal}, paced by {@code clock} (nanoseconds). */
    ForegroundJob(PrintWriter err, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        // The first report prints at once, whatever the clock's origin.
        this.lastPrinted = clock.getAsLong() - PLAIN_INTERVAL_NANOS;
    }

    static <R> R run(Job<R> job, PrintWriter err) throws Exception {
        ForegroundJob progress = new ForegroundJob(err);
        JobHandle<R> handle = JobRunner.foregroundHandle(job);
        CountDownLatch finished = new CountDownLatch(1);
        Thread cancelOnInterrupt = cancelOnInterrupt(job, handle, finished);
        try {
            return JobRunner.runHere(job, handle, progress);
        } finally {
            finished.countDown();
            progress.endLine();
            release(cancelOnInterrupt);
        }
    }

    /**
     * Starts {@code job} on {@code runner} with its progress on stderr as {@link #run} prints it; Ctrl-C cancels it and
     * waits for its rollback. The future completes when the job has ended, however it ended.
     */
    static CompletableFuture<?> start(Job<?> job, JobRunner runner, PrintWriter err) {
        ForegroundJob progress = new ForegroundJob(err);
        CountDownLatch finished = new CountDownLatch(1);
        JobHandle<?> handle = runner.submit(job, progress);
        Thread cancelOnInterrupt = cancelOnInterrupt(job, handle, finished);
        return handle.outcome().whenComplete((result, failure) -> {
            finished.countDown();
            progress.endLine();
            release(cancelOnInterrupt);
        });
    }

    private static Thread cancelOnInterrupt(Job<?> job, JobHandle<?> handle, CountDownLatch finished) {
        Thread cancel = new Thread(() -> {
            handle.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-" + job.title());
        Runtime.getRuntime().addShutdownHook(cancel);
        return cancel;
    }

    private static void release(Thread cancelOnInterrupt) {
        try {
            Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C arrived: the hook is running and is released by the job's latch.
        }
    }

    @Override
    public void progress(JobProgress progress) {
        String line = progress.describe();
        long now = clock.getAsLong();
        boolean due = now - lastPrinted >= PLAIN_INTERVAL_NANOS || progress.fraction() >= 1;
        synchronized (ForegroundJob.class) {
            boolean ownsTheLine = drawnLast == null || drawnLast == this;
            if (terminal && ownsTheLine) {
                draw(line);
            } else if (due && terminal) {
                // Another job's line is showing: keep it, and take turns at most once a second each.
                drawnLast.endLine();
                draw(line);
            } else if (due) {
                err.println(line);
            } else {
                return;
            }
            lastPrinted = now;
        }
    }

    private void draw(String line) {
        drawnLast = this;
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        err.flush();
    }

    /** Ends this job's line on a terminal, so whatever is printed next starts a line of its own. */
    void endLine() {
        synchronized (ForegroundJob.class) {
            if (terminal && lastLength > 0) {
                err.println();
                lastLength = 0;
            }
            if (drawnLast == this) {
                drawnLast = null;
            }
        }
    }
}

package org.cdpdesktop.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobHandle;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.jobs.JobProgress;
import org.cdpdesktop.core.jobs.JobRunner;

/**
 * Runs a long job in the foreground of a CLI command: progress on stderr (one line rewritten in place on a
 * terminal, a line a second otherwise), and Ctrl-C cancels the job and waits for its rollback.
 */
final class ForegroundJob implements JobListener {

    private static final long PLAIN_INTERVAL_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private long lastPrinted;
    private int lastLength;

    private ForegroundJob(PrintWriter err) {
        this.err = err;
    }

    static <R> R run(Job<R> job, PrintWriter err) throws Exception {
        ForegroundJob progress = new ForegroundJob(err);
        JobHandle<R> handle = JobRunner.foregroundHandle(job);
        CountDownLatch finished = new CountDownLatch(1);
        Thread cancelOnInterrupt = new Thread(() -> {
            handle.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-" + job.title());
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try {
            return JobRunner.runHere(job, handle, progress);
        } finally {
            finished.countDown();
            progress.endLine();
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C arrived: the hook is running and is released by the latch above.
            }
        }
    }

    @Override
    public void progress(JobProgress progress) {
        String line = progress.describe();
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            err.flush();
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrinted >= PLAIN_INTERVAL_NANOS || progress.fraction() >= 1) {
            err.println(line);
            lastPrinted = now;
        }
    }

    private void endLine() {
        if (terminal && lastLength > 0) {
            err.println();
        }
    }
}

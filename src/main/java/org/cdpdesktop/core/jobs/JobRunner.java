package org.cdpdesktop.core.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs long jobs on background threads, keeps the list of running ones, and logs every failure. */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final ExecutorService executor;
    private final AtomicLong ids = new AtomicLong();
    private final List<JobHandle<?>> running = new CopyOnWriteArrayList<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    public JobRunner(int threads) {
        this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
    }

    /** Starts {@code job} in the background; {@code listener} hears its progress on the job's thread. */
    public <R> JobHandle<R> submit(Job<R> job, JobListener listener) {
        JobHandle<R> handle = new JobHandle<>(ids.incrementAndGet(), job.title());
        running.add(handle);
        fireChange();
        executor.execute(() -> {
            R result = null;
            Throwable failure = null;
            try {
                result = run(job, handle, listener);
            } catch (Throwable thrown) {
                failure = thrown;
            }
            // Leave the running list before the outcome is known, so whoever waits on it sees the job gone.
            running.remove(handle);
            fireChange();
            if (failure == null) {
                handle.outcome().complete(result);
            } else {
                handle.outcome().completeExceptionally(failure);
            }
        });
        return handle;
    }

    /** Runs {@code job} on the calling thread, as the CLI does; cancel through the returned handle's flag. */
    public static <R> R runHere(Job<R> job, JobHandle<R> handle, JobListener listener) throws Exception {
        return run(job, handle, listener);
    }

    /** A handle for {@link #runHere}, so a Ctrl-C hook can cancel the foreground job. */
    public static <R> JobHandle<R> foregroundHandle(Job<R> job) {
        return new JobHandle<>(0, job.title());
    }

    private static <R> R run(Job<R> job, JobHandle<R> handle, JobListener listener) throws Exception {
        JobContext context = JobContext.create(job.title(), listener, handle.cancelFlag());
        handle.attach(context);
        try {
            R result = job.run(context);
            LOG.info("{} finished: {}", job.title(), result);
            return result;
        } catch (JobCancelledException cancelled) {
            LOG.info("{} cancelled", job.title());
            throw cancelled;
        } catch (Exception | Error failure) {
            LOG.error("{} failed", job.title(), failure);
            throw failure;
        }
    }

    public List<JobHandle<?>> running() {
        return List.copyOf(running);
    }

    /** Called, on a job thread, whenever a job starts or ends. */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    private void fireChange() {
        changeListeners.forEach(Runnable::run);
    }

    @Override
    public void close() {
        running.forEach(JobHandle::cancel);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Jobs still running at shutdown were abandoned");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "job-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught failure in {}", t.getName(), e));
            return thread;
        };
    }
}

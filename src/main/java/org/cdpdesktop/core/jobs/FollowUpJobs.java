package org.cdpdesktop.core.jobs;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Work that follows a change to the store (rescoring lookalikes after an import) as background jobs of their own, so
 * the change ends without waiting for it, and the job can be watched and cancelled like any other. A job asked for
 * again while the same job (by title) is still waiting to start is not queued twice: the waiting one will see the
 * later change too. A command-line door waits for all of it before it exits, so what it leaves behind is current.
 */
public final class FollowUpJobs {

    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<?>> unfinished = ConcurrentHashMap.newKeySet();
    private volatile Starter starter;

    /** Starts follow-ups on {@code runner}, with no one watching their progress until {@link #startWith} says otherwise. */
    public FollowUpJobs(JobRunner runner) {
        this.starter = job -> runner.submit(job, JobListener.NONE).outcome();
    }

    /** How a follow-up job is started; the future completes when it ends, however it ends. */
    @FunctionalInterface
    public interface Starter {
        CompletableFuture<?> start(Job<?> job);
    }

    /** Starts later follow-ups through {@code starter}, e.g. the GUI's job list, which shows them with a cancel button. */
    public void startWith(Starter starter) {
        this.starter = starter;
    }

    /** Starts {@code job} in the background, unless the same job is already waiting to start. */
    public void submit(Job<?> job) {
        String title = job.title();
        if (!waiting.add(title)) {
            return;
        }
        CompletableFuture<?> started;
        try {
            started = starter.start(new Job<Object>() {
                @Override
                public String title() {
                    return title;
                }

                @Override
                public Object run(JobContext context) throws Exception {
                    waiting.remove(title);
                    return job.run(context);
                }
            });
        } catch (RuntimeException notStarted) {
            waiting.remove(title);
            throw notStarted;
        }
        unfinished.add(started);
        started.whenComplete((result, failure) -> unfinished.remove(started));
    }

    /**
     * Waits until every follow-up started so far, and any they started in turn, has ended. A failed or cancelled one
     * was logged by the runner and is not this caller's failure: the change that prompted it is committed.
     */
    public void awaitAll() throws InterruptedException {
        while (!unfinished.isEmpty()) {
            for (CompletableFuture<?> job : Set.copyOf(unfinished)) {
                try {
                    job.get();
                } catch (ExecutionException | CancellationException ended) {
                    // Logged where it ran, and not this caller's failure (see above).
                }
                unfinished.remove(job);
            }
        }
    }
}

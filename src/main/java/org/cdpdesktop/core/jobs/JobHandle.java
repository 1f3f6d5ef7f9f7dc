package org.cdpdesktop.core.jobs;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** A submitted job: its outcome, its latest progress, and the way to cancel it. */
public final class JobHandle<R> {

    private final long id;
    private final String title;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<R> outcome = new CompletableFuture<>();
    private volatile JobContext context;

    JobHandle(long id, String title) {
        this.id = id;
        this.title = title;
    }

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Asks the job to stop; it rolls back and completes the outcome with {@link JobCancelledException}. */
    public void cancel() {
        cancelled.set(true);
    }

    public CompletableFuture<R> outcome() {
        return outcome;
    }

    public JobProgress progress() {
        JobContext current = context;
        return current == null ? new JobProgress(title, 0, -1, 0, Optional.empty(), "Waiting") : current.latest();
    }

    AtomicBoolean cancelFlag() {
        return cancelled;
    }

    void attach(JobContext context) {
        this.context = context;
    }
}

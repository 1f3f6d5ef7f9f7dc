package org.cdpdesktop.gui.task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobHandle;
import org.cdpdesktop.core.jobs.JobRunner;

/**
 * The GUI's adapter to the core {@link JobRunner}: every long job the GUI starts goes through here, so the
 * status bar and the jobs panel list it, with progress, rows/s, ETA and a cancel button.
 */
public final class JobsViewModel {

    private final JobRunner runner;
    private final ObservableList<RunningJob> running = FXCollections.observableArrayList();

    public JobsViewModel(JobRunner runner) {
        this.runner = runner;
    }

    public ObservableList<RunningJob> running() {
        return running;
    }

    /**
     * Starts {@code job} from the FX thread; {@code onSuccess} or {@code onFailure} runs on the FX thread when
     * it ends. A cancelled job ends in {@code onFailure} with a {@link org.cdpdesktop.core.jobs.JobCancelledException}.
     * Returns the job as listed, for callers that show its progress or cancel it.
     */
    public <R> RunningJob submit(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
        RunningJob shown = new RunningJob(job.title());
        JobHandle<R> handle = runner.submit(job, progress -> Platform.runLater(() -> shown.show(progress)));
        shown.attach(handle);
        running.add(shown);
        handle.outcome().whenComplete((result, failure) -> Platform.runLater(() -> {
            running.remove(shown);
            if (failure == null) {
                onSuccess.accept(result);
            } else {
                onFailure.accept(failure instanceof CompletionException ? failure.getCause() : failure);
            }
        }));
        return shown;
    }

    /**
     * Starts {@code job} from any thread, e.g. work that follows an import, listed like those the GUI starts; the
     * future completes when it ends, however it ends.
     */
    public CompletableFuture<Object> submitLater(Job<?> job) {
        CompletableFuture<Object> ended = new CompletableFuture<>();
        Platform.runLater(() -> submit(job, ended::complete, ended::completeExceptionally));
        return ended;
    }
}

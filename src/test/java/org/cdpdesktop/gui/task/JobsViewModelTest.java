package org.cdpdesktop.gui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.core.jobs.FollowUpJobs;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobRunner;
import org.cdpdesktop.gui.FxWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class JobsViewModelTest {

    private final JobRunner runner = new JobRunner(1);
    private final JobsViewModel jobs = new JobsViewModel(runner);

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void runningJobIsListedWithItsProgressUntilItSucceeds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> result = new CompletableFuture<>();
        onFxThread(() -> jobs.submit(job(context -> {
            context.progress(500, 1000, "halfway");
            release.await(10, TimeUnit.SECONDS);
            return 1000L;
        }), result::complete, result::completeExceptionally));

        try {
            FxWait.until(5, () -> jobs.running().size() == 1
                    && jobs.running().get(0).descriptionProperty().get().endsWith("halfway"));
            assertThat(jobs.running().get(0).descriptionProperty().get()).startsWith("Test job 50% · 500 / 1,000 rows");
            assertThat(jobs.running().get(0).progressProperty().get()).isEqualTo(0.5);
        } finally {
            release.countDown();
        }

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(1000L);
        FxWait.until(5, () -> jobs.running().isEmpty());
    }

    @Test
    void aFollowUpStartedOffTheFxThreadIsListedAndCanBeCancelledThere() throws Exception {
        FollowUpJobs followUps = new FollowUpJobs(runner);
        followUps.startWith(jobs::submitLater);

        followUps.submit(job(context -> {
            while (true) {
                context.throwIfCancelled();
                Thread.sleep(5);
            }
        }));
        FxWait.until(5, () -> !jobs.running().isEmpty());
        assertThat(jobs.running().get(0).title()).isEqualTo("Test job");
        onFxThread(() -> jobs.running().get(0).cancel());

        followUps.awaitAll();
        FxWait.until(5, () -> jobs.running().isEmpty());
    }

    @Test
    void cancelFromTheListEndsTheJobAsCancelled() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        onFxThread(() -> jobs.submit(job(context -> {
            while (true) {
                context.throwIfCancelled();
                Thread.sleep(5);
            }
        }), result -> failure.complete(null), failure::complete));
        FxWait.until(5, () -> !jobs.running().isEmpty());

        onFxThread(() -> jobs.running().get(0).cancel());

        assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(JobCancelledException.class);
        FxWait.until(5, () -> jobs.running().isEmpty());
    }

    private static void onFxThread(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(5, TimeUnit.SECONDS);
    }

    private static Job<Long> job(Work work) {
        return new Job<>() {
            @Override
            public String title() {
                return "Test job";
            }

            @Override
            public Long run(JobContext context) throws Exception {
                return work.run(context);
            }
        };
    }

    @FunctionalInterface
    private interface Work {
        Long run(JobContext context) throws Exception;
    }
}

package org.cdpdesktop.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobRunnerTest {

    private final JobRunner runner = new JobRunner(2);

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void jobResultArrivesAndTheJobLeavesTheRunningList() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        JobHandle<String> handle = runner.submit(job("Count", context -> {
            release.await(10, TimeUnit.SECONDS);
            return "42 rows";
        }), JobListener.NONE);

        assertThat(runner.running()).extracting(JobHandle::title).containsExactly("Count");
        release.countDown();

        assertThat(handle.outcome().get(10, TimeUnit.SECONDS)).isEqualTo("42 rows");
        assertThat(runner.running()).isEmpty();
    }

    @Test
    void cancelledJobEndsWithCancellationAndStopsWorking() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicLong chunksDone = new AtomicLong();
        JobHandle<Long> handle = runner.submit(job("Import", context -> {
            started.countDown();
            for (long chunk = 0; chunk < 10_000; chunk++) {
                context.throwIfCancelled();
                chunksDone.incrementAndGet();
                Thread.sleep(1);
            }
            return chunksDone.get();
        }), JobListener.NONE);
        started.await(10, TimeUnit.SECONDS);

        handle.cancel();

        assertThatThrownBy(() -> handle.outcome().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(JobCancelledException.class)
                .hasMessageContaining("Import was cancelled");
        assertThat(chunksDone.get()).isLessThan(10_000);
    }

    @Test
    void failureReachesTheOutcomeWithItsMessage() {
        JobHandle<Object> handle = runner.submit(job("Export", context -> {
            throw new IllegalStateException("Disk full while writing out.csv");
        }), JobListener.NONE);

        assertThatThrownBy(() -> handle.outcome().get(10, TimeUnit.SECONDS))
                .hasRootCauseMessage("Disk full while writing out.csv");
    }

    @Test
    void progressReportsRateAndTimeLeftAndIsThrottled() {
        long[] now = {0};
        List<JobProgress> heard = new CopyOnWriteArrayList<>();
        JobContext context = new JobContext("Import", heard::add, new AtomicBoolean(), () -> now[0]);

        context.progress(100, 1000, "reading");           // the first report always gets through
        now[0] = Duration.ofSeconds(1).toNanos();
        context.progress(200, 1000, "reading");
        now[0] += Duration.ofMillis(10).toNanos();
        context.progress(210, 1000, "reading");           // within the interval: dropped
        now[0] = Duration.ofSeconds(2).toNanos();
        context.progress(400, 1000, "reading");

        assertThat(heard).extracting(JobProgress::done).containsExactly(100L, 200L, 400L);
        assertThat(heard.get(0).eta()).isEmpty();
        assertThat(heard.get(1).rowsPerSecond()).isEqualTo(100.0);
        assertThat(heard.get(1).eta()).contains(Duration.ofSeconds(8));
        JobProgress last = heard.get(2);
        assertThat(last.rowsPerSecond()).isCloseTo(130.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(last.fraction()).isEqualTo(0.4);
        assertThat(last.describe()).isEqualTo("Import 40% · 400 / 1,000 rows · 130 rows/s · ETA 4s · reading");
    }

    @Test
    void finalProgressIsAlwaysReported() {
        List<JobProgress> heard = new CopyOnWriteArrayList<>();
        JobContext context = new JobContext("Import", heard::add, new AtomicBoolean(), () -> 5);

        context.progress(1000, 1000, "done");

        assertThat(heard).singleElement().extracting(JobProgress::fraction).isEqualTo(1.0);
    }

    @Test
    void unknownTotalGivesIndeterminateProgress() {
        JobProgress progress = new JobProgress("Consume", 1234, -1, 0, java.util.Optional.empty(), "");

        assertThat(progress.fraction()).isEqualTo(-1);
        assertThat(progress.describe()).isEqualTo("Consume · 1,234 rows");
    }

    private static <R> Job<R> job(String title, Work<R> work) {
        return new Job<>() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public R run(JobContext context) throws Exception {
                return work.run(context);
            }
        };
    }

    @FunctionalInterface
    private interface Work<R> {
        R run(JobContext context) throws Exception;
    }
}

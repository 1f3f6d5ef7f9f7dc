package org.cdpdesktop.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FollowUpJobsTest {

    /** One thread, so a second follow-up waits behind the first. */
    private final JobRunner runner = new JobRunner(1);
    private final FollowUpJobs followUps = new FollowUpJobs(runner);

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void aJobAskedForAgainWhileItWaitsToStartRunsOnceAndAJobAskedForWhileItRunsRunsAgain() throws Exception {
        CountDownLatch blockerStarted = new CountDownLatch(1);
        CountDownLatch releaseBlocker = new CountDownLatch(1);
        followUps.submit(job("Blocker", () -> {
            blockerStarted.countDown();
            releaseBlocker.await(10, TimeUnit.SECONDS);
        }));
        blockerStarted.await(10, TimeUnit.SECONDS);
        AtomicInteger rescores = new AtomicInteger();
        CountDownLatch rescoreStarted = new CountDownLatch(1);
        CountDownLatch releaseRescore = new CountDownLatch(1);
        Job<Object> rescore = job("Rescore", () -> {
            rescores.incrementAndGet();
            rescoreStarted.countDown();
            releaseRescore.await(10, TimeUnit.SECONDS);
        });

        followUps.submit(rescore);
        followUps.submit(rescore);
        releaseBlocker.countDown();
        rescoreStarted.await(10, TimeUnit.SECONDS);
        followUps.submit(rescore);
        releaseRescore.countDown();
        followUps.awaitAll();

        assertThat(rescores).hasValue(2);
        assertThat(runner.running()).isEmpty();
    }

    @Test
    void waitingForAllOutlastsAFailedJob() throws Exception {
        AtomicInteger after = new AtomicInteger();
        followUps.submit(job("Fails", () -> {
            throw new IllegalStateException("seed segment is gone");
        }));
        followUps.submit(job("After", after::incrementAndGet));

        followUps.awaitAll();

        assertThat(after).hasValue(1);
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static Job<Object> job(String title, Work work) {
        return new Job<>() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public Object run(JobContext context) throws Exception {
                work.run();
                return title;
            }
        };
    }
}

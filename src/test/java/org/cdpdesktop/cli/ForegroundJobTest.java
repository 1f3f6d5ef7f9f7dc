package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.cdpdesktop.core.jobs.JobProgress;
import org.junit.jupiter.api.Test;

class ForegroundJobTest {

    private final StringWriter err = new StringWriter();
    /** A clock that stands still unless a test moves it: every report in a test falls within the same second. */
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void onATerminalAJobThatPrintsWhileAnothersLineShowsEndsThatLineAndTheyTakeTurnsAtMostOnceASecond() {
        ForegroundJob importing = new ForegroundJob(new PrintWriter(err, true), true, nanos::get);
        ForegroundJob rescoring = new ForegroundJob(new PrintWriter(err, true), true, nanos::get);

        importing.progress(progress("Import", 10));
        rescoring.progress(progress("Rescoring lookalikes", 20));
        importing.progress(progress("Import", 30));
        rescoring.progress(progress("Rescoring lookalikes", 40));
        nanos.addAndGet(1_000_000_000L);
        importing.progress(progress("Import", 45));
        rescoring.progress(progress("Rescoring lookalikes", 60));
        rescoring.endLine();
        importing.progress(progress("Import", 50));
        importing.endLine();

        assertThat(err.toString()).isEqualTo("\r" + line("Import", 10) + "\n\r" + line("Rescoring lookalikes", 20)
                + "\r" + line("Rescoring lookalikes", 40) + "\n\r" + line("Import", 45) + "\n\r" + line("Rescoring lookalikes", 60)
                + "\n\r" + line("Import", 50) + "\n");
    }

    @Test
    void withoutATerminalEveryJobPrintsWholeLinesAtMostOnceASecondUntilItIsDone() {
        ForegroundJob importing = new ForegroundJob(new PrintWriter(err, true), false, nanos::get);
        ForegroundJob rescoring = new ForegroundJob(new PrintWriter(err, true), false, nanos::get);

        importing.progress(progress("Import", 10));
        rescoring.progress(progress("Rescoring lookalikes", 20));
        importing.progress(progress("Import", 30));
        rescoring.progress(progress("Rescoring lookalikes", 100));
        importing.endLine();
        rescoring.endLine();

        assertThat(err.toString().lines())
                .containsExactly(line("Import", 10), line("Rescoring lookalikes", 20), line("Rescoring lookalikes", 100));
    }

    /** The line a job prints at {@code percent}, e.g. {@code Import 10% · 10 / 100 rows}. */
    private static String line(String title, long percent) {
        return progress(title, percent).describe();
    }

    private static JobProgress progress(String title, long percent) {
        return new JobProgress(title, percent, 100, 0, Optional.empty(), null);
    }
}

package org.cdpdesktop.bench;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.CsvDialect;
import org.cdpdesktop.core.ingest.CsvPreviewer;
import org.cdpdesktop.core.ingest.CsvSniffer;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.jobs.JobRunner;
import org.cdpdesktop.core.sample.SampleDataGenerator;
import org.cdpdesktop.core.stats.Dashboard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's figures with the sign-ups chart on a 1,000,000-row store as the import leaves it (every profile
 * created on the import's day, signup dates from the file), with one profile in ten stripped of its signup date so
 * the fallback to the day of import is exercised. Baseline in the same run: the chart as it was, one range count per
 * period on {@code created_at}.
 */
@Tag("bench")
class SignupChartBench {

    private static final int ROWS = 1_000_000;
    private static final int RUNS = 5;
    private static final Path FOLDER = Path.of("target", "bench");

    @Test
    void dashboardWithTheSignupChartOnAMillionRows() throws Exception {
        Files.createDirectories(FOLDER);
        StringBuilder report = new StringBuilder("| Dashboard figures | ms |\n|---|---:|\n");
        try (App app = App.open(FOLDER.resolve("signup-store"))) {
            if (app.profiles().count() < ROWS * 9L / 10) {
                build(app);
            }
            report.append(String.format(Locale.ROOT, "| baseline: SELECT count(*) FROM profile | %.1f |%n",
                    median(() -> app.database().read(connection -> {
                        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM profile");
                             ResultSet result = count.executeQuery()) {
                            result.next();
                            return result.getLong(1);
                        }
                    }))));
            for (Dashboard.Period period : Dashboard.Period.values()) {
                report.append(String.format(Locale.ROOT, "| all figures, sign-ups by %s (%d periods) | %.1f |%n", name(period),
                        app.dashboard().dashboard(period).newProfiles().size(), median(() -> app.dashboard().dashboard(period))));
            }
            report.append(String.format(Locale.ROOT, "%n%,d profiles. Machine: %d cores (shared), %s %s, Java %s. Date: %s.%n",
                    app.profiles().count(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"), Instant.now()));
        }
        Files.writeString(FOLDER.resolve("signup-chart.md"), report);
        System.out.println(report);
    }

    private static void build(App app) throws Exception {
        Path file = FOLDER.resolve("customers-1m.csv");
        if (!Files.exists(file)) {
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SampleDataGenerator.write(writer, ROWS, 42);
            }
        }
        CsvDialect dialect = CsvSniffer.sniff(file);
        List<String> headers = CsvPreviewer.preview(file, dialect, 0).headers();
        Job<ImportSummary> job = app.importer().importJob(file,
                new ImportOptions(dialect, ColumnMapping.auto(headers), DuplicatePolicy.NEWEST, false, null));
        JobRunner.runHere(job, JobRunner.foregroundHandle(job), JobListener.NONE);
        app.database().withWriter(connection -> {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE profile SET signup_date = NULL WHERE id % 10 = 0");
            }
            return null;
        });
    }

    private static String name(Dashboard.Period period) {
        return period.name().toLowerCase(Locale.ROOT);
    }

    private static double median(Callable<?> work) throws Exception {
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            work.call();
            times[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }
}

package org.cdpdesktop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.profile.ProfileColumn;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.core.sample.SampleDataGenerator;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.stats.Dashboard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The profiles browser's and the dashboard's queries on a 1,000,000-profile store, against a named baseline in the
 * same run: {@code SELECT <all columns> FROM profile LIMIT 100} with no filter and no order. The store is built the
 * way a user builds one, by {@code generate} (1,000,000 rows, seed 42) and the import job; then, so that the
 * dashboard's per-day chart and the cohort and segment filters have data to work on, {@code created_at} is spread
 * over the generated signup dates, every profile gets one of four cohorts and three segments get members. The store
 * is kept in {@code target/bench/profiles-store} and reused by the next run. Each query runs {@value #RUNS} times;
 * the median is reported. First pages are those of a newly chosen listing ({@link #firstPage}). Each sort is then
 * paged at row 900,000 right away, as a user dragging the scroll bar at once would (for an unindexed sort this waits
 * for the id order being built), and at the next page, as every later deep page is served; once more, in one run,
 * the page at row 900,000 is asked for {@value #PAUSE_MS} ms after the sort was chosen. Writes
 * {@code target/bench/profiles.md}.
 * Run: {@code mvn -Pbench test -Dtest=ProfilesBench} (add {@code -Dcdp.bench.rows=N} for a smaller store).
 */
@Tag("bench")
class ProfilesBench {

    /** {@code -Dcdp.bench.rows=N} measures a smaller store, e.g. to compare two versions of a query quickly. */
    private static final int ROWS = Integer.getInteger("cdp.bench.rows", 1_000_000);
    private static final int RUNS = 5;
    private static final long DEEP_OFFSET = ROWS * 9L / 10;
    /** How long after choosing a sort the user in the benchmark drags the scroll bar to row 900,000. */
    private static final long PAUSE_MS = 2_000;
    private static final Path FOLDER = Path.of("target", "bench");
    private static final String FILE_NAME = ROWS == 1_000_000 ? "customers-1m.csv" : "customers-" + ROWS + ".csv";

    private final StringBuilder report = new StringBuilder();
    private final List<Integer> pageSizes = new ArrayList<>();

    @Test
    void profilesAndDashboardOnAMillionProfiles() throws Exception {
        Files.createDirectories(FOLDER);
        Path store = FOLDER.resolve(ROWS == 1_000_000 ? "profiles-store" : "profiles-store-" + ROWS);
        try (App app = App.open(store)) {
            if (app.profiles().count() < ROWS * 9L / 10) {
                build(app);
            }
            ProfileBrowser browser = app.profileBrowser();
            long total = app.profiles().count();

            double baseline = median(() -> app.database().read(connection -> {
                try (PreparedStatement plain = connection.prepareStatement("SELECT * FROM profile LIMIT 100");
                     ResultSet rows = plain.executeQuery()) {
                    int n = 0;
                    while (rows.next()) {
                        n++;
                    }
                    return n;
                }
            }));
            report.append(String.format(Locale.ROOT, """
                    Store: %,d profiles. Baseline `SELECT * FROM profile LIMIT 100` (no filter, no order): **%.1f ms** (median of %d).

                    | Listing | First page of 100 (ms) | Count (ms) | Rows |
                    |---|---:|---:|---:|
                    """, total, baseline, RUNS));

            listing("All profiles (store order) — the screen's first page", browser, ProfileQuery.ALL);
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("country = Canada", "country = \"Canada\"");
            filters.put("Canada, age 25–34, interested in travel", "country = \"Canada\" AND age between 25 and 34 AND interests contains \"travel\"");
            filters.put("gender = Female", "gender = \"Female\"");
            filters.put("income 50,000–80,000", "income between 50000 and 80000");
            filters.put("age ≥ 65", "age >= 65");
            filters.put("interest = photography", "interests contains \"photography\"");
            filters.put("cohort = Savers", "cohort = \"Savers\"");
            filters.put("segment \"Big spenders\"", "segment \"Big spenders\"");
            LocalDate someDay = LocalDate.of(2025, 3, 1);
            filters.put("created in March 2025", "createdAt between \"" + someDay + "\" and \"" + someDay.plusMonths(1).minusDays(1) + "\"");
            for (Map.Entry<String, String> filter : filters.entrySet()) {
                listing("Filter: " + filter.getKey(), browser, ProfileQuery.ALL.withFilter(RuleParser.parse(filter.getValue())));
            }
            listing("Imported from " + FILE_NAME, browser, ProfileQuery.ALL.withImportedFrom(FILE_NAME));
            listing("Search \"patel12345\" (rare: one email)", browser, ProfileQuery.ALL.withSearch("patel12345"));
            listing("Search \"toronto\" (common)", browser, ProfileQuery.ALL.withSearch("toronto"));
            listing("Search \"zzz\" (no match)", browser, ProfileQuery.ALL.withSearch("zzz"));

            report.append(String.format(Locale.ROOT, "%n| Sort | First page (ms) | Page at row %,d right after the first page (ms) | Next page,"
                    + " at row %,d (ms) | Page at row %,d, %d s after choosing the sort (ms, one run) |%n", DEEP_OFFSET, DEEP_OFFSET + 100,
                    DEEP_OFFSET, PAUSE_MS / 1000)
                    + "|---|---:|---:|---:|---:|\n");
            List<ProfileSort> sorts = new ArrayList<>();
            sorts.add(ProfileSort.NATURAL);
            Arrays.stream(ProfileField.values()).map(field -> ProfileSort.by(ProfileColumn.of(field), false)).forEach(sorts::add);
            sorts.add(ProfileSort.by(ProfileColumn.of(ProfileField.AGE), true));
            sorts.add(ProfileSort.by(ProfileColumn.attribute("cookie"), false));
            for (ProfileSort sort : sorts) {
                ProfileQuery query = ProfileQuery.ALL.withSort(sort);
                double[] first = new double[RUNS];
                double[] deep = new double[RUNS];
                double[] next = new double[RUNS];
                for (int run = 0; run < RUNS; run++) {
                    first[run] = firstPage(browser, query);
                    deep[run] = once(() -> pageSizes.add(browser.page(query, DEEP_OFFSET, 100).size()));
                    next[run] = once(() -> pageSizes.add(browser.page(query, DEEP_OFFSET + 100, 100).size()));
                }
                double afterPause = deepPageAfterAPause(browser, query);
                String name = sort.isNatural() ? "store order (id)" : sort.column().id() + (sort.descending() ? " descending" : "");
                report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", name, median(first), median(deep),
                        median(next), afterPause));
            }

            report.append("\n| Dashboard, all figures in one read | ms |\n|---|---:|\n");
            for (Dashboard.Period period : Dashboard.Period.values()) {
                double ms = median(() -> app.dashboard().dashboard(period).totalProfiles());
                report.append(String.format(Locale.ROOT, "| new profiles by %s | %.1f |%n", period.name().toLowerCase(Locale.ROOT), ms));
            }
            report.append(String.format(Locale.ROOT, "%nMachine: %d cores (shared), %s %s, Java %s, SQLite %s, load average at the end %s."
                            + " Date: %s.%n", Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"), sqliteVersion(app), loadAverage(), Instant.now()));
        }
        Files.writeString(FOLDER.resolve("profiles.md"), report);
        System.out.println(report);
        assertThat(pageSizes).as("every deep page of every sort is a full page").isNotEmpty().containsOnly(100);
    }

    private void listing(String name, ProfileBrowser browser, ProfileQuery query) throws Exception {
        long[] rows = new long[1];
        double count = median(() -> rows[0] = browser.count(query));
        double[] pages = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            pages[run] = firstPage(browser, query);
        }
        report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %,d |%n", name, median(pages), count, rows[0]));
    }

    /** The first page of {@code query} as a newly chosen listing. */
    private double firstPage(ProfileBrowser browser, ProfileQuery query) throws Exception {
        dropKeptOrder(browser);
        return once(() -> browser.page(query, 0, 100).size());
    }

    /** Row 900,000 of {@code query}, asked for {@value #PAUSE_MS} ms after the listing was chosen and its first page asked for. */
    private double deepPageAfterAPause(ProfileBrowser browser, ProfileQuery query) throws Exception {
        dropKeptOrder(browser);
        long chosen = System.nanoTime();
        browser.page(query, 0, 100);
        Thread.sleep(Math.max(0, PAUSE_MS - (System.nanoTime() - chosen) / 1_000_000));
        return once(() -> pageSizes.add(browser.page(query, DEEP_OFFSET, 100).size()));
    }

    /**
     * A full first page of another listing drops any id order kept for the one measured next, which would otherwise
     * answer from memory. Store order keeps none.
     */
    private static void dropKeptOrder(ProfileBrowser browser) {
        browser.page(ProfileQuery.ALL, 0, 100);
    }

    private static void build(App app) throws Exception {
        Path file = FOLDER.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SampleDataGenerator.write(writer, ROWS, 42);
            }
        }
        CsvDialect dialect = CsvSniffer.sniff(file);
        List<String> headers = CsvPreviewer.preview(file, dialect, 0).headers();
        Job<ImportSummary> job = app.importer().importJob(file,
                new ImportOptions(dialect, ColumnMapping.auto(headers), DuplicatePolicy.NEWEST, false, null));
        long started = System.nanoTime();
        ImportSummary summary = JobRunner.runHere(job, JobRunner.foregroundHandle(job), JobListener.NONE);
        System.out.printf(Locale.ROOT, "Built the store in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, summary);
        app.database().withWriter(connection -> {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE profile SET created_at = signup_date || 'T00:00:00Z' WHERE length(signup_date) = 10");
                statement.executeUpdate("UPDATE profile SET created_at = replace(signup_date, ' ', 'T') || 'Z' WHERE length(signup_date) > 10");
                statement.executeUpdate("""
                        INSERT INTO profile_cohort(profile_id, cohort, confidence, model_version, source, assigned_at)
                        SELECT id, CASE id % 4 WHEN 0 THEN 'Savers' WHEN 1 THEN 'Explorers' WHEN 2 THEN 'Techies' ELSE 'Homebodies' END,
                               0.5 + (id % 50) / 100.0, 'bench-1', 'model', '2026-01-01T00:00:00Z' FROM profile""");
                for (String[] segment : new String[][] {{"Big spenders", "income >= 150000"}, {"Young", "age < 25"}, {"Travellers", "id % 7 = 0"}}) {
                    statement.executeUpdate("INSERT INTO segment(name, rule, created_at, updated_at) VALUES ('" + segment[0]
                            + "', 'bench', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
                    statement.executeUpdate("INSERT INTO segment_member(segment_id, profile_id) SELECT (SELECT id FROM segment WHERE name = '"
                            + segment[0] + "'), id FROM profile WHERE " + segment[1]);
                }
            }
            return null;
        });
    }

    /** Other work on the machine inflates every figure; the one-minute load average says how much there was. */
    private static String loadAverage() throws java.io.IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).split(" ")[0] : "unknown";
    }

    private static String sqliteVersion(App app) {
        return app.database().read(connection -> {
            try (var statement = connection.createStatement(); var result = statement.executeQuery("SELECT sqlite_version()")) {
                result.next();
                return result.getString(1);
            }
        });
    }

    private static double median(Callable<?> work) throws Exception {
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            times[i] = once(work);
        }
        return median(times);
    }

    private static double median(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double once(Callable<?> work) throws Exception {
        long started = System.nanoTime();
        work.call();
        return (System.nanoTime() - started) / 1e6;
    }
}

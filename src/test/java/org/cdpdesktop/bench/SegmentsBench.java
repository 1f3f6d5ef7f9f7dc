package org.cdpdesktop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.profile.JsonColumns;
import org.cdpdesktop.core.sample.SampleDataGenerator;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.segment.SegmentService;
import org.cdpdesktop.core.segment.SnapshotResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Segment speed on 1,000,000 profiles: {@code mvn -Pbench test -Dtest=SegmentsBench}. Profiles come from
 * {@link SampleDataGenerator} (seed 42), cleaned as the import does (trim, lower-case interests and email, impossible
 * ages dropped, repeated emails kept once) and inserted with batched prepared statements, so the triggers fill
 * profile_interest as they do for imported data. Each figure is the median of 5 runs after one warm-up, next to
 * its baseline in the same run; the report goes to target/benchmarks/segments.md.
 */
@Tag("bench")
class SegmentsBench {

    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    private static final int RUNS = 5;
    private static final String FOUR_CONDITIONS =
            "country in (\"United States\", \"Canada\") AND age >= 25 AND interests contains \"travel\" AND income > 50000";
    private static final String HAND_WRITTEN = "SELECT count(*) FROM profile p WHERE p.country IN ('United States', 'Canada')"
            + " AND p.age >= 25 AND p.income > 50000"
            + " AND p.id IN (SELECT profile_id FROM profile_interest WHERE interest = 'travel')";
    private static final String ISSUE_EXAMPLE = "country in (\"United States\", \"Canada\") AND age >= 25"
            + " AND (interests contains \"travel\" OR income > 100000) AND NOT segment \"Senior\"";

    @TempDir
    Path folder;

    @Test
    void segmentCountsAndSnapshotsOnAMillionProfiles() throws Exception {
        List<String> report = new ArrayList<>();
        Path loaded = loadedStore(report);
        Files.copy(loaded, folder.resolve("cdp.db"));
        try (Database database = Database.open(folder.resolve("cdp.db"))) {

            SegmentService segments = new SegmentService(database);
            Condition four = RuleParser.parse(FOUR_CONDITIONS);
            Condition example = RuleParser.parse(ISSUE_EXAMPLE);

            long fullCount = scalar(database, "SELECT count(*) FROM profile");
            long handCount = scalar(database, HAND_WRITTEN);
            assertThat(segments.count(four)).isEqualTo(handCount);

            report.add(row("Baseline: SELECT count(*) FROM profile", median(() -> scalar(database, "SELECT count(*) FROM profile")), fullCount));
            report.add(row("Baseline: hand-written SQL for the 4-condition rule", median(() -> scalar(database, HAND_WRITTEN)), handCount));
            report.add(row("Segment count, 4 conditions (target < 1 s): " + FOUR_CONDITIONS, median(() -> segments.count(four)), handCount));
            report.add(row("Segment count, issue example (5 conditions, nested OR, NOT segment)", median(() -> segments.count(example)), segments.count(example)));

            long start = System.nanoTime();
            List<SnapshotResult> first = segments.snapshotAll("bench");
            double firstSeconds = (System.nanoTime() - start) / 1e9;
            long members = first.stream().mapToLong(SnapshotResult::size).sum();
            assertThat(first).allMatch(result -> result.error() == null);
            report.add(String.format(Locale.ROOT, "| First snapshot of all %d starter segments (target < 10 s; fills segment_member: %,d rows) | %.2f s |",
                    first.size(), members, firstSeconds));

            start = System.nanoTime();
            segments.snapshotAll("bench");
            double againSeconds = (System.nanoTime() - start) / 1e9;
            report.add(String.format(Locale.ROOT, "| Re-evaluate and snapshot all %d starter segments again (target < 10 s) | %.2f s |",
                    first.size(), againSeconds));

            start = System.nanoTime();
            segments.sizes();
            report.add(String.format(Locale.ROOT, "| Live sizes of all segments (Segments screen list) | %.2f s |",
                    (System.nanoTime() - start) / 1e9));
        }
        Path out = Path.of("target", "benchmarks", "segments.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
        LoggerFactory.getLogger(SegmentsBench.class).info("Segments benchmark:\n{}", String.join("\n", report));
    }

    /**
     * A store holding the generated profiles, built once and kept in target/bench-cache (loading takes minutes);
     * every run works on a fresh copy of it.
     */
    private Path loadedStore(List<String> report) throws Exception {
        return loadedStore(folder, report);
    }

    /** The cached store, built in {@code folder} first if there is none; the insights benchmark shares it. */
    static Path loadedStore(Path folder, List<String> report) throws Exception {
        Path cached = Path.of("target", "bench-cache", "segments-" + ROWS + ".db");
        if (Files.exists(cached)) {
            report.add(String.format(Locale.ROOT, "Store with %,d profiles reused from %s", ROWS, cached));
            return cached;
        }
        Path csv = folder.resolve("customers.csv");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
            SampleDataGenerator.write(out, ROWS, 42);
        }
        Path building = folder.resolve("building.db");
        try (Database database = Database.open(building)) {
            long start = System.nanoTime();
            long rows = load(database, csv);
            report.add(String.format(Locale.ROOT, "Loaded %,d profiles in %.1f s (setup, not a target)", rows,
                    (System.nanoTime() - start) / 1e9));
            database.withWriter(connection -> connection.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        Files.createDirectories(cached.getParent());
        Files.copy(building, cached);
        Files.delete(csv);
        return cached;
    }

    private static String row(String what, double seconds, long count) {
        return String.format(Locale.ROOT, "| %s | %.3f s | %,d |", what, seconds, count);
    }

    private static double median(LongSupplier work) {
        work.getAsLong();
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.getAsLong();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[RUNS / 2];
    }

    private static long scalar(Database database, String sql) {
        return database.read(connection -> {
            try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    /** Inserts the cleaned rows in 50,000-row transactions; assigns one of five cohorts by id. */
    private static long load(Database database, Path csv) throws Exception {
        String now = Instant.now().toString();
        return database.withWriter(connection -> {
            connection.setAutoCommit(false);
            long rows = 0;
            Set<String> emails = new HashSet<>();
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO profile(external_id, email, phone,"
                         + " age, gender, city, state, country, income, education, interests, created_at, updated_at)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                    String email = clean(record.get("email"));
                    email = email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? null : email.toLowerCase(Locale.ROOT);
                    if (email != null && !emails.add(email)) {
                        email = null;
                    }
                    String age = clean(record.get("age"));
                    int ageValue = age == null ? -1 : Integer.parseInt(age);
                    String income = clean(record.get("income"));
                    String interests = clean(record.get("interests"));
                    List<String> interestList = interests == null ? List.of() : Arrays.stream(interests.split("\\|"))
                            .map(i -> i.strip().toLowerCase(Locale.ROOT)).filter(i -> !i.isEmpty()).toList();
                    String created = clean(record.get("created_at"));
                    insert.setString(1, "ck-" + (rows + 1));
                    insert.setString(2, email);
                    insert.setString(3, clean(record.get("phone_number")));
                    if (ageValue >= 0 && ageValue <= 120) {
                        insert.setInt(4, ageValue);
                    } else {
                        insert.setNull(4, Types.INTEGER);
                    }
                    insert.setString(5, clean(record.get("gender")));
                    insert.setString(6, clean(record.get("city")));
                    insert.setString(7, clean(record.get("state")));
                    insert.setString(8, clean(record.get("country")));
                    if (income == null) {
                        insert.setNull(9, Types.REAL);
                    } else {
                        insert.setDouble(9, Double.parseDouble(income));
                    }
                    insert.setString(10, clean(record.get("education")));
                    insert.setString(11, JsonColumns.listToJson(interestList));
                    insert.setString(12, created == null ? now : created.replace(' ', 'T') + "Z");
                    insert.setString(13, now);
                    insert.addBatch();
                    if (++rows % 10_000 == 0) {
                        insert.executeBatch();
                    }
                    if (rows % 50_000 == 0) {
                        connection.commit();
                    }
                }
                insert.executeBatch();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO profile_cohort(profile_id, cohort, source, assigned_at)"
                        + " SELECT id, CASE id % 5 WHEN 0 THEN 'loyal' WHEN 1 THEN 'at-risk' WHEN 2 THEN 'new'"
                        + " WHEN 3 THEN 'dormant' ELSE 'vip' END, 'import', '" + LocalDate.now() + "' FROM profile");
                statement.execute("ANALYZE");
            }
            connection.commit();
            connection.setAutoCommit(true);
            return rows;
        });
    }

    private static String clean(String value) {
        String trimmed = value == null ? "" : value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}

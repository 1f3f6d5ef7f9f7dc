package org.cdpdesktop.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.DataDirectory;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.ingest.RecordBatch;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.store.ProfileStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot after an import, which re-evaluates only what imports changed where it may, against a full evaluation. */
class SnapshotChangesTest {

    private static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put("Over 40", "age >= 40");
        RULES.put("US", "country = \"US\"");
        RULES.put("Gold", "attribute \"tier\" = \"gold\"");
        RULES.put("Travel", "interests contains \"travel\"");
        RULES.put("Early", "signupDate < \"2025-01-01\"");
        RULES.put("Recent", "signupDate in last 3 days");
        RULES.put("VIP", "cohort = \"VIP\"");
        RULES.put("US over 40 not travelling", "segment \"US\" AND segment \"Over 40\" AND NOT segment \"Travel\"");
        RULES.put("Europe or rich", "country in (\"DE\", \"FR\") OR income > 50000");
        RULES.put("No email", "email is empty");
    }

    @TempDir
    Path folder;
    private Database database;
    private ImportService importer;
    private SegmentService segments;
    private MovableClock clock;

    @BeforeEach
    void open() {
        DataDirectory data = DataDirectory.open(folder.resolve("data"));
        database = Database.open(data.database());
        importer = new ImportService(database, data, new FieldCleaner());
        clock = new MovableClock(Instant.parse("2025-06-15T08:00:00Z"));
        segments = new SegmentService(database, clock);
        RULES.forEach((name, rule) -> segments.create(name, RuleParser.parse(rule), null));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void snapshotsAfterRandomImportsEqualAFullEvaluationOfEveryRule() throws Exception {
        Random random = new Random(20_251_130);
        List<Long> batches = new ArrayList<>();
        ingest(random, 120, batches);
        segments.snapshotAll("manual");
        for (int step = 0; step < 60; step++) {
            double action = random.nextDouble();
            if (action < 0.55) {
                ingest(random, 1 + random.nextInt(25), batches);
            } else if (action < 0.65) {
                clock.advance(Duration.ofHours(1 + random.nextInt(30)));
            } else if (action < 0.75) {
                predictVip(random);
            } else if (action < 0.82) {
                segments.save("Over " + (20 + random.nextInt(50)), RuleParser.parse("age >= " + (20 + random.nextInt(50))), null);
            } else if (action < 0.88) {
                Segment over40 = segments.find("Over 40").orElseThrow();
                segments.update(over40.id(), over40.name(), RuleParser.parse("age >= " + (30 + random.nextInt(20))), null);
            } else if (action < 0.91) {
                edit(random);
            } else if (action < 0.95 && !batches.isEmpty()) {
                undo(batches.remove(random.nextInt(batches.size())));
            } else {
                new ProfileStore(database).delete(anyProfile(random));
            }
            // Who joined or left counts from the stored members, which a deleted profile leaves at once.
            Map<Long, long[]> before = storedMembers();

            List<SnapshotResult> results = segments.snapshotChanges("import");

            assertEveryMembershipIsTheLiveOne(before, results, "step " + step + ", action " + action);
        }
    }

    @Test
    void aSnapshotAfterAnImportReevaluatesOnlyTheProfilesImportsChanged() {
        ingest(List.of(Map.of("cookie", "k-1", "country", "US"), Map.of("cookie", "k-2", "country", "US")));
        segments.snapshotAll("manual");
        database.write(connection -> connection.createStatement().executeUpdate(
                "UPDATE profile SET country = 'Germany' WHERE external_id = 'k-1'"));
        ingest(List.of(Map.of("cookie", "k-2", "country", "France"), Map.of("cookie", "k-3", "country", "US")));

        Map<String, Long> sizes = sizes(segments.snapshotChanges("import"));
        Map<String, Long> fullSizes = sizes(segments.snapshotAll("manual"));

        assertThat(sizes).containsEntry("US", 2L);
        assertThat(fullSizes).containsEntry("US", 1L);
    }

    @Test
    void aProfileEditedBetweenImportsIsReevaluatedByTheNextSnapshot() {
        ingest(List.of(Map.of("cookie", "k-1", "country", "US"), Map.of("cookie", "k-2", "country", "US")));
        segments.snapshotChanges("import");
        ProfileStore profiles = new ProfileStore(database);
        Profile edited = profiles.findByExternalId("k-1").orElseThrow();
        edited.setCountry("Germany");
        profiles.save(edited);
        ingest(List.of(Map.of("cookie", "k-3", "country", "France")));

        assertThat(sizes(segments.snapshotChanges("import"))).containsEntry("US", 1L);
        assertThat(diffSinceLastSnapshot("US").removed()).isEmpty();
    }

    @Test
    void aSegmentCreatedAfterTheLastSnapshotIsEvaluatedInFull() {
        ingest(List.of(Map.of("cookie", "k-1", "age", "70"), Map.of("cookie", "k-2", "age", "20")));
        segments.snapshotAll("manual");
        Segment seniors = segments.create("Seniors", RuleParser.parse("age >= 65"), null);
        ingest(List.of(Map.of("cookie", "k-3", "age", "80")));

        List<SnapshotResult> results = segments.snapshotChanges("import");

        assertThat(results).filteredOn(result -> result.segmentId() == seniors.id())
                .singleElement().satisfies(result -> {
                    assertThat(result.size()).isEqualTo(2);
                    assertThat(result.added()).isEqualTo(2);
                });
        assertThat(stored(seniors.id())).hasSize(2);
    }

    @Test
    void aRelativeDateRuleIsReevaluatedInFullOnANewDay() {
        ingest(List.of(Map.of("cookie", "k-1", "signup_date", "2025-06-14"), Map.of("cookie", "k-2", "signup_date", "2025-06-10")));
        assertThat(sizes(segments.snapshotAll("manual"))).containsEntry("Recent", 1L);
        clock.advance(Duration.ofDays(3));
        ingest(List.of(Map.of("cookie", "k-3", "signup_date", "2025-06-16")));

        Map<String, Long> sizes = sizes(segments.snapshotChanges("import"));

        assertThat(sizes).containsEntry("Recent", 1L);
        assertThat(diffSinceLastSnapshot("Recent").added()).isEmpty();
    }

    @Test
    void undoingAnImportLeavesOnlyTheProfilesThatRemain() throws Exception {
        ingest(List.of(Map.of("cookie", "k-1", "country", "US")));
        segments.snapshotChanges("import");
        long second = ingest(List.of(Map.of("cookie", "k-2", "country", "US"), Map.of("cookie", "k-3", "country", "US"))).batchId();
        assertThat(sizes(segments.snapshotChanges("import"))).containsEntry("US", 3L);
        undo(second);

        List<SnapshotResult> results = segments.snapshotChanges("undo import");

        assertThat(sizes(results)).containsEntry("US", 1L);
        assertEveryMembershipIsTheLiveOne(null, results, "after the undo");
    }

    @Test
    void aSegmentNoImportTouchedKeepsItsHistoryAndNothingJoinsOrLeaves() {
        ingest(List.of(Map.of("cookie", "k-1", "country", "US", "age", "50")));
        segments.snapshotAll("manual");
        ingest(List.of(Map.of("cookie", "k-2", "country", "DE", "age", "20")));

        segments.snapshotChanges("import");

        Segment us = segments.find("US").orElseThrow();
        assertThat(segments.history(us.id())).extracting(SnapshotPoint::size).containsExactly(1L, 1L);
        assertThat(diffSinceLastSnapshot("US").added()).isEmpty();
        assertThat(diffSinceLastSnapshot("US").removed()).isEmpty();
        assertThat(diffSinceLastSnapshot("Europe or rich").added()).isEmpty();
        assertThat(latestSnapshotMembers().get(segments.find("Europe or rich").orElseThrow().id())).hasSize(1);
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------

    private void ingest(Random random, int records, List<Long> batches) {
        List<Map<String, String>> batch = new ArrayList<>();
        String[] countries = {"US", "DE", "FR", "GB", "Japan"};
        String[] interests = {"travel", "tech", "music", "food"};
        for (int i = 0; i < records; i++) {
            Map<String, String> record = new HashMap<>();
            record.put("cookie", "k-" + random.nextInt(400));
            if (random.nextInt(4) > 0) {
                record.put("email", "c" + random.nextInt(400) + "@example.com");
            }
            record.put("age", String.valueOf(18 + random.nextInt(60)));
            record.put("country", countries[random.nextInt(countries.length)]);
            record.put("income", String.valueOf(random.nextInt(100_000)));
            record.put("interests", interests[random.nextInt(interests.length)] + "|" + interests[random.nextInt(interests.length)]);
            record.put("tier", random.nextBoolean() ? "gold" : "silver");
            record.put("signup_date", LocalDate.now(clock).minusDays(random.nextInt(10)).toString());
            batch.add(record);
        }
        batches.add(ingest(batch).batchId());
    }

    private ImportSummary ingest(List<Map<String, String>> records) {
        RecordBatch batch = RecordBatch.of("batch", "kafka", records);
        ImportOptions options = new ImportOptions(null, ColumnMapping.auto(batch.headers()), DuplicatePolicy.NEWEST, false, null);
        return importer.ingest(batch, options, JobContext.create("test", JobListener.NONE, new AtomicBoolean()));
    }

    /** A profile changed in the editor, outside any import. */
    private void edit(Random random) {
        ProfileStore profiles = new ProfileStore(database);
        Profile profile = profiles.findById(anyProfile(random)).orElseThrow();
        profile.setCountry(random.nextBoolean() ? "United States" : "Germany");
        profile.setAge(18 + random.nextInt(60));
        profiles.save(profile);
    }

    private void undo(long batchId) throws Exception {
        importer.undoJob(batchId).run(JobContext.create("test", JobListener.NONE, new AtomicBoolean()));
    }

    /** Predicted cohorts as a batch prediction writes them, for profiles no import touched. */
    private void predictVip(Random random) {
        long profile = anyProfile(random);
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO profile_cohort(profile_id, cohort,"
                    + " confidence, model_version, source, assigned_at) VALUES (?, 'VIP', 0.9, 'v1', 'model', ?)")) {
                insert.setLong(1, profile);
                insert.setString(2, clock.instant().toString());
                return insert.executeUpdate();
            }
        });
    }

    private long anyProfile(Random random) {
        long[] ids = database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM profile ORDER BY id")) {
                return SegmentSql.readIds(select);
            }
        });
        return ids[random.nextInt(ids.length)];
    }

    private void assertEveryMembershipIsTheLiveOne(Map<Long, long[]> before, List<SnapshotResult> results, String when) {
        Map<Long, long[]> latest = latestSnapshotMembers();
        for (SnapshotResult result : results) {
            Segment segment = segments.findById(result.segmentId()).orElseThrow();
            long[] live = segments.memberIds(SegmentSql.membership(segment));
            assertThat(latest.get(segment.id())).as("snapshot of %s, %s", segment.name(), when).containsExactly(live);
            assertThat(stored(segment.id())).as("stored members of %s, %s", segment.name(), when).containsExactly(live);
            assertThat(result.size()).isEqualTo(live.length);
            if (before != null) {
                long[] previous = before.getOrDefault(segment.id(), new long[0]);
                assertThat(result.added()).as("joined %s, %s", segment.name(), when).isEqualTo(notIn(live, previous));
                assertThat(result.removed()).as("left %s, %s", segment.name(), when).isEqualTo(notIn(previous, live));
            }
        }
    }

    private Map<Long, long[]> latestSnapshotMembers() {
        return database.read(connection -> {
            Map<Long, long[]> latest = new HashMap<>();
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT segment_id, size, members FROM segment_snapshot"
                    + " ORDER BY taken_at, id")) {
                while (rows.next()) {
                    latest.put(rows.getLong(1), MemberIds.decodeSet(rows.getBytes(3), rows.getInt(2)).toArray());
                }
            }
            return latest;
        });
    }

    private Map<Long, long[]> storedMembers() {
        Map<Long, long[]> members = new HashMap<>();
        segments.list().forEach(segment -> members.put(segment.id(), stored(segment.id())));
        return members;
    }

    private long[] stored(long segmentId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT profile_id FROM segment_member WHERE segment_id = ? ORDER BY profile_id")) {
                select.setLong(1, segmentId);
                return SegmentSql.readIds(select);
            }
        });
    }

    private MembershipChange diffSinceLastSnapshot(String name) {
        return segments.diffSinceLastSnapshot(segments.find(name).orElseThrow().id());
    }

    private static Map<String, Long> sizes(List<SnapshotResult> results) {
        Map<String, Long> sizes = new HashMap<>();
        results.forEach(result -> sizes.put(result.name(), result.size()));
        return sizes;
    }

    /** A clock the test moves forward, so snapshots fall on different days as they do in use. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** How many of the ascending {@code ids} are missing from the ascending {@code others}. */
    private static long notIn(long[] ids, long[] others) {
        return Arrays.stream(ids).filter(id -> Arrays.binarySearch(others, id) < 0).count();
    }
}

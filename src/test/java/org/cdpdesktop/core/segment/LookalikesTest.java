package org.cdpdesktop.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.model.TermWeight;
import org.cdpdesktop.core.query.RuleParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookalikesTest {

    private static final int PROFILES = 2000;

    @TempDir
    Path folder;
    private Database database;
    private SegmentService segments;
    private Lookalikes lookalikes;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("cdp.db"));
        segments = new SegmentService(database);
        lookalikes = new Lookalikes(database, segments);
        plant();
        segments.create("Sixty plus", RuleParser.parse("age >= 60"), null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /**
     * 2,000 profiles aged 20 to 79. Planted: 90 % of those aged 60 or over like golf, 5 % of the younger ones do;
     * everyone has one of a few other interests and an income at random, unrelated to age.
     */
    private void plant() {
        plant(0, PROFILES);
    }

    private void plant(int from, int count) {
        Random random = new Random(11 + from);
        String[] filler = {"reading", "travel", "cooking", "music", "movies"};
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO profile(external_id, age, income, interests,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, '2025-01-01', '2025-01-01')")) {
                for (int i = from; i < from + count; i++) {
                    int age = 20 + random.nextInt(60);
                    boolean golf = random.nextDouble() < (age >= 60 ? 0.9 : 0.05);
                    String other = filler[random.nextInt(filler.length)];
                    insert.setString(1, "c" + i);
                    insert.setInt(2, age);
                    insert.setInt(3, 20_000 + random.nextInt(100_000));
                    insert.setString(4, golf ? "[\"golf\", \"" + other + "\"]" : "[\"" + other + "\"]");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private static JobContext context() {
        return JobContext.create("test", JobListener.NONE, new AtomicBoolean());
    }

    @Test
    void lookalikeOfAPlantedPatternFindsItWithoutTheRulesOwnField() {
        Lookalikes.Result result = lookalikes.create(new Lookalikes.Request("Sixty plus", 100, null, "Golfers like them", 1), context());

        assertThat(result.excluded()).containsExactly("age");
        assertThat(result.auc()).isGreaterThan(0.85);
        assertThat(result.drivers()).isNotEmpty();
        assertThat(result.drivers().get(0).term()).isEqualTo("golf");
        assertThat(result.drivers()).extracting(TermWeight::term).doesNotContain("age");
        long members = segments.count(RuleParser.parse("age >= 60"));
        assertThat(result.members()).isEqualTo(members);
        assertThat(result.sampled()).isEqualTo(PROFILES - members);
        assertThat(result.scored()).isEqualTo(PROFILES - members);
    }

    @Test
    void aStoreLargeEnoughForTwoScoringThreadsScoresEveryNonMemberAndTakesTheBest() {
        plant(PROFILES, 22_000);
        long members = segments.count(RuleParser.parse("age >= 60"));

        Lookalikes.Result result = lookalikes.create(new Lookalikes.Request("Sixty plus", 500, null, "Golfers like them", 1), context());

        assertThat(result.scored()).isEqualTo(PROFILES + 22_000 - members);
        assertThat(result.size()).isEqualTo(500);
        assertThat(segments.count(RuleParser.parse("segment = \"Golfers like them\" AND interests contains \"golf\""))).isEqualTo(500);
        long atLeastThreshold = database.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT count(*) FROM profile_cohort WHERE cohort = 'lookalike: Golfers like them' AND confidence >= ?")) {
                count.setDouble(1, result.threshold());
                try (ResultSet r = count.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
        assertThat(atLeastThreshold).isEqualTo(500);
    }

    @Test
    void aSeedRuleOnInterestsLeavesNoWordsAndTheLookalikeLearnsFromTheOtherFields() {
        segments.create("Golfers", RuleParser.parse("interests contains \"golf\""), null);

        Lookalikes.Result result = lookalikes.create(new Lookalikes.Request("Golfers", 100, null, "Like golfers", 1), context());

        assertThat(result.excluded()).containsExactly("interests");
        assertThat(result.auc()).isGreaterThan(0.8);
        assertThat(result.drivers()).extracting(TermWeight::term).contains("age").doesNotContain("golf");
        assertThat(result.size()).isEqualTo(100);
    }

    @Test
    void savedLookalikeHoldsTheBestScoredNonMembersAndRemembersItsSeed() {
        Lookalikes.Result result = lookalikes.create(new Lookalikes.Request("Sixty plus", 50, null, "Golfers like them", 1), context());

        Segment saved = segments.find("Golfers like them").orElseThrow();
        long[] ids = segments.memberIds(saved.rule());
        assertThat(result.size()).isEqualTo(50);
        assertThat(ids).hasSize(50);
        long[] seedIds = segments.memberIds(RuleParser.parse("age >= 60"));
        assertThat(Arrays.stream(ids).filter(id -> Arrays.binarySearch(seedIds, id) >= 0)).isEmpty();
        assertThat(segments.count(RuleParser.parse("segment = \"Golfers like them\" AND interests contains \"golf\""))).isEqualTo(50);
        database.read(connection -> {
            try (PreparedStatement row = connection.prepareStatement(
                    "SELECT seed_segment, model_id, threshold, size, requested FROM segment_lookalike WHERE segment_id = ?")) {
                row.setLong(1, saved.id());
                try (ResultSet r = row.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getString(1)).isEqualTo("Sixty plus");
                    assertThat(r.getString(2)).isEqualTo(result.modelId());
                    assertThat(r.getDouble(3)).isEqualTo(result.threshold());
                    assertThat(r.getLong(4)).isEqualTo(50);
                    assertThat(r.getString(5)).isEqualTo("size 50");
                }
            }
            return null;
        });
    }

    @Test
    void minimumScoreTakesEveryNonMemberScoringAtLeastIt() {
        Lookalikes.Result result = lookalikes.create(new Lookalikes.Request("Sixty plus", null, 0.5, "Likely golfers", 1), context());

        assertThat(result.threshold()).isGreaterThanOrEqualTo(0.5);
        long golfers = segments.count(RuleParser.parse("NOT segment = \"Sixty plus\" AND interests contains \"golf\""));
        assertThat(result.size()).isBetween(golfers / 2, golfers * 2);
        assertThat(segments.count(segments.find("Likely golfers").orElseThrow().rule())).isEqualTo(result.size());
    }

    @Test
    void rescoringTakesInProfilesAddedSinceTheLookalikeWasMade() {
        Lookalikes.Result before = lookalikes.create(new Lookalikes.Request("Sixty plus", null, 0.5, "Likely golfers", 1), context());
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO profile(external_id, age, interests,"
                    + " created_at, updated_at) VALUES (?, 30, '[\"golf\"]', '2025-02-01', '2025-02-01')")) {
                for (int i = 0; i < 40; i++) {
                    insert.setString(1, "new" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
        Segment saved = segments.find("Likely golfers").orElseThrow();
        long newcomersBefore = segments.count(RuleParser.parse("segment = \"Likely golfers\" AND externalId starts with \"new\""));

        Lookalikes.Result after = lookalikes.rescore("Likely golfers", context());

        assertThat(newcomersBefore).isZero();
        assertThat(segments.count(RuleParser.parse("segment = \"Likely golfers\" AND externalId starts with \"new\""))).isEqualTo(40);
        assertThat(after.segment().id()).isEqualTo(saved.id());
        assertThat(after.size()).isEqualTo(segments.count(saved.rule()));
        assertThat(after.scored()).isEqualTo(before.scored() + 40);
        assertThat(lookalikes.names()).containsExactly("Likely golfers");
    }

    @Test
    void rescoringASegmentThatIsNotALookalikeIsRefused() {
        assertThatThrownBy(() -> lookalikes.rescore("Sixty plus", context()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Segment \"Sixty plus\" is not a lookalike");
    }

    @Test
    void theSeedsInsightsDoNotNameItsLookalikeWhoseMembersAreOutsideItByConstruction() {
        lookalikes.create(new Lookalikes.Request("Sixty plus", 200, null, "Golfers like them", 1), context());

        InsightReport report = new SegmentInsights(database, segments).insights(RuleParser.parse("age >= 60"), 50);

        assertThat(report.insights()).extracting(Insight::value).doesNotContain("lookalike: Golfers like them").contains("golf");
    }

    @Test
    void deletingTheLookalikeSegmentRemovesItsScoredMembers() {
        lookalikes.create(new Lookalikes.Request("Sixty plus", 20, null, "Golfers like them", 1), context());

        segments.delete(segments.find("Golfers like them").orElseThrow().id());

        long left = database.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM profile_cohort WHERE source = 'lookalike'");
                 ResultSet r = count.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
        assertThat(left).isZero();
    }

    @Test
    void refusesANameInUseAndLeavesNothingBehind() {
        assertThatThrownBy(() -> lookalikes.create(new Lookalikes.Request("Sixty plus", 20, null, "Sixty plus", 1), context()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> lookalikes.create(new Lookalikes.Request("Nobody", 20, null, "New", 1), context()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no segment named \"Nobody\"");
        assertThatThrownBy(() -> new Lookalikes.Request("Sixty plus", 20, 0.5, "New", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("either a size or a minimum score");
        assertThat(segments.find("New")).isEmpty();
    }
}

package org.cdpdesktop.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.Group;
import org.cdpdesktop.core.query.GroupKind;
import org.cdpdesktop.core.query.RuleParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentInsightsTest {

    private static final int PROFILES = 2000;
    private static final int MEMBERS = 200;

    @TempDir
    Path folder;
    private Database database;
    private SegmentService segments;
    private SegmentInsights insights;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("cdp.db"));
        segments = new SegmentService(database);
        insights = new SegmentInsights(database, segments);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /**
     * 2,000 profiles, the first 200 with tier "gold". Planted: golf for 60 % of gold and 10 % of the rest (lift 6),
     * bingo for 5 % of gold and 40 % of the rest (lift 0.125), Canada for 50 % of gold and 20 % of the rest (lift
     * 2.5). Noise: thirty rare interests, each on two profiles drawn at random.
     */
    private void plant() {
        Random random = new Random(7);
        List<List<String>> interests = new ArrayList<>();
        for (int i = 0; i < PROFILES; i++) {
            interests.add(new ArrayList<>());
        }
        for (int noise = 0; noise < 30; noise++) {
            for (int k = 0; k < 2; k++) {
                interests.get(random.nextInt(PROFILES)).add("noise" + noise);
            }
        }
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO profile(external_id, age, country,"
                    + " interests, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '2025-01-01', '2025-01-01')")) {
                for (int i = 0; i < PROFILES; i++) {
                    boolean gold = i < MEMBERS;
                    int r = gold ? i : i - MEMBERS;
                    List<String> own = interests.get(i);
                    if (gold ? r % 5 < 3 : r % 10 == 0) {
                        own.add("golf");
                    }
                    if (gold ? r % 20 == 0 : r % 5 < 2) {
                        own.add("bingo");
                    }
                    insert.setString(1, "c" + i);
                    insert.setInt(2, 20 + i % 50);
                    insert.setString(3, (gold ? r % 2 == 0 : r % 5 == 0) ? "Canada" : "United States");
                    insert.setString(4, own.stream().distinct().map(s -> "\"" + s + "\"").toList().toString());
                    insert.setString(5, gold ? "{\"tier\":\"gold\"}" : "{\"tier\":\"silver\"}");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private Insight find(InsightReport report, String dimension, String value) {
        return report.insights().stream().filter(i -> i.dimension().equals(dimension) && i.value().equalsIgnoreCase(value))
                .findFirst().orElseThrow(() -> new AssertionError(dimension + " " + value + " not in " + report.insights()));
    }

    @Test
    void plantedDifferencesAreFoundWithTheirLift() {
        plant();

        InsightReport report = insights.insights(RuleParser.parse("attribute \"tier\" = \"gold\""), 100);

        assertThat(report.members()).isEqualTo(MEMBERS);
        assertThat(report.total()).isEqualTo(PROFILES);
        Insight golf = find(report, "Interest", "golf");
        assertThat(golf.memberCount()).isEqualTo(120);
        assertThat(golf.restCount()).isEqualTo(180);
        assertThat(golf.memberShare()).isCloseTo(0.6, within(1e-9));
        assertThat(golf.restShare()).isCloseTo(0.1, within(1e-9));
        assertThat(golf.lift()).isCloseTo(6.0, within(1e-9));
        assertThat(golf.qValue()).isLessThan(1e-6);
        assertThat(golf.inRule()).isFalse();
        assertThat(golf.ruleText()).isEqualTo("interests contains \"golf\"");
        Insight bingo = find(report, "Interest", "bingo");
        assertThat(bingo.lift()).isCloseTo(0.125, within(1e-9));
        assertThat(bingo.overRepresented()).isFalse();
        assertThat(find(report, "Country", "Canada").lift()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void rareNoiseIsNotReportedAndStrongerDifferencesComeFirstWithTheRulesOwnFieldsLast() {
        plant();

        InsightReport report = insights.insights(RuleParser.parse("attribute \"tier\" = \"gold\""), 100);

        assertThat(report.tested()).isGreaterThan(30);
        assertThat(report.insights()).allMatch(Insight::significant);
        assertThat(report.insights()).noneMatch(i -> i.value().startsWith("noise"));
        assertThat(report.insights()).extracting(Insight::value).containsSubsequence("bingo", "golf", "Canada", "gold");
        assertThat(find(report, "tier (attribute)", "gold").inRule()).isTrue();
    }

    @Test
    void ageBandsAreTheDashboardsAndTheirConditionsSelectThem() {
        plant();

        InsightReport report = insights.insights(RuleParser.parse("age <= 24"), 100);

        Insight young = find(report, "Age", "18–24");
        assertThat(young.memberShare()).isCloseTo(1.0, within(1e-9));
        assertThat(young.inRule()).isTrue();
        assertThat(segments.count(young.condition())).isEqualTo(young.memberCount() + young.restCount());
    }

    @Test
    void everyConditionCountsTheProfilesItsRowAccountsFor() {
        plant();

        InsightReport report = insights.insights(RuleParser.parse("attribute \"tier\" = \"gold\""), 100);

        for (Insight insight : report.insights()) {
            assertThat(segments.count(insight.condition())).as(insight.ruleText())
                    .isEqualTo(insight.memberCount() + insight.restCount());
        }
    }

    @Test
    void anEmptyStoreHasNothingToReport() {
        InsightReport report = insights.insights(RuleParser.parse("age >= 30"), 10);

        assertThat(report.members()).isZero();
        assertThat(report.insights()).isEmpty();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> insights.insights(RuleParser.parse("age >= 30"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void everyMemberCountIsWhatTheRuleAndTheValuesConditionSelectTogether() {
        plant();
        database.write(connection -> {
            try (var statement = connection.createStatement()) {
                // Case variants are one value, as NOCASE groups them; a member's own spelling must count under it.
                statement.executeUpdate("UPDATE profile SET country = 'CANADA', gender = 'female' WHERE id % 7 = 0");
                statement.executeUpdate("UPDATE profile SET income = CASE WHEN id <= " + MEMBERS + " THEN 80000 ELSE 30000 END,"
                        + " age = CASE WHEN id <= " + MEMBERS + " THEN 70 ELSE 40 END WHERE id % 3 = 0");
                statement.executeUpdate("UPDATE profile SET gender = 'Female', attributes = '{\"tier\":\"Gold\"}' WHERE id % 11 = 0");
            }
            return null;
        });
        Condition rule = RuleParser.parse("attribute \"tier\" = \"gold\"");

        InsightReport report = insights.insights(rule, 1000);

        assertThat(report.insights()).extracting(Insight::dimension).contains("Age", "Country", "Gender", "Income", "Interest");
        for (Insight insight : report.insights()) {
            assertThat(segments.count(new Group(GroupKind.AND, List.of(rule, insight.condition())))).as(insight.ruleText())
                    .isEqualTo(insight.memberCount());
        }
    }

    @Test
    void insightsAfterAnInsertAnEditAndADeleteEqualAFreshCount() {
        plant();
        Condition rule = RuleParser.parse("attribute \"tier\" = \"gold\"");
        InsightReport before = insights.insights(rule, 100);

        write("INSERT INTO profile(external_id, country, interests, attributes, created_at, updated_at)"
                + " SELECT 'new' || id, 'Canada', '[\"golf\"]', '{\"tier\":\"silver\"}', '2025-02-01', '2025-02-01' FROM profile WHERE id <= 300");
        InsightReport afterInsert = insights.insights(rule, 100);
        assertThat(afterInsert.total()).isEqualTo(PROFILES + 300);
        assertThat(find(afterInsert, "Interest", "golf").restCount()).isEqualTo(find(before, "Interest", "golf").restCount() + 300);
        assertSameAsFresh(rule, afterInsert);

        write("UPDATE profile SET country = 'Mexico' WHERE external_id LIKE 'new%' OR id % 3 = 0");
        InsightReport afterEdit = insights.insights(rule, 100);
        assertThat(find(afterEdit, "Country", "Mexico").restCount()).isPositive();
        assertSameAsFresh(rule, afterEdit);

        write("DELETE FROM profile WHERE external_id LIKE 'new%'");
        InsightReport afterDelete = insights.insights(rule, 100);
        assertThat(afterDelete.total()).isEqualTo(PROFILES);
        assertSameAsFresh(rule, afterDelete);
    }

    private void write(String sql) {
        database.write(connection -> {
            try (var statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        });
    }

    private void assertSameAsFresh(Condition rule, InsightReport kept) {
        InsightReport fresh = new SegmentInsights(database, segments).insights(rule, 100);
        assertThat(kept.total()).isEqualTo(fresh.total());
        assertThat(kept.members()).isEqualTo(fresh.members());
        assertThat(kept.tested()).isEqualTo(fresh.tested());
        assertThat(kept.insights()).isEqualTo(fresh.insights());
    }
}

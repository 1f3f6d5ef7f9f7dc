package org.cdpdesktop.core.segment;

import org.cdpdesktop.core.query.RuleParser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.store.ProfileStore;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentServiceTest {

    @TempDir
    Path folder;
    private Database database;
    private ProfileStore profiles;
    private SegmentService segments;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("cdp.db"));
        profiles = new ProfileStore(database);
        segments = new SegmentService(database, Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void starterSegmentsAreSeededAndAllParse() {
        List<Segment> starters = segments.list();

        assertThat(starters).extracting(Segment::name).contains("Elite", "Luxury", "High spender", "Budget shopper",
                "Techie", "Gamer", "Traveler", "Learner", "Investor", "Health conscious", "Academic", "Student",
                "Global user", "Urban consumer", "Senior");
        assertThat(starters).allMatch(Segment::builtin);
        starters.forEach(segment -> assertThat(segment.rule()).isNotNull());
    }

    @Test
    void starterSegmentsFireOnTheOldServicesData() {
        profile("a", 30, 260_000.0, "Tech|Gaming", "United States", "New York", "PhD");
        profile("b", 70, 20_000.0, "Travel|Health", "Germany", "Berlin", "High School");
        profile("c", 20, 50_000.0, "Books|Investing", "Canada", "Quebec", "Some College");

        assertThat(sizes()).containsEntry("Elite", 1L).containsEntry("Luxury", 1L).containsEntry("Budget shopper", 1L)
                .containsEntry("Techie", 1L).containsEntry("Gamer", 1L).containsEntry("Traveler", 1L)
                .containsEntry("Health conscious", 1L).containsEntry("Learner", 1L).containsEntry("Investor", 1L)
                .containsEntry("Academic", 1L).containsEntry("Student", 1L).containsEntry("Global user", 2L)
                .containsEntry("Urban consumer", 2L).containsEntry("Senior", 1L);
    }

    @Test
    void aDeletedStarterSegmentIsNotRecreatedOnReopen() {
        Segment senior = segments.find("Senior").orElseThrow();
        segments.delete(senior.id());
        database.close();

        database = Database.open(folder.resolve("cdp.db"));
        segments = new SegmentService(database);

        assertThat(segments.find("senior")).isEmpty();
    }

    @Test
    void savesCountsAndListsMembersByRule() {
        profile("a", 30, 1000.0, "travel", "US", "Austin", null);
        profile("b", 40, 1000.0, "", "us", "Austin", null);
        profile("c", 50, 1000.0, "travel", "CA", "Toronto", null);

        Segment travellers = segments.create("US travellers", RuleParser.parse("country = \"US\" AND interests contains \"travel\""), "x");

        assertThat(segments.count(travellers.rule())).isEqualTo(1);
        assertThat(segments.members(RuleParser.parse("country = \"us\""), 10, 0)).extracting(Profile::getExternalId)
                .containsExactly("a", "b");
        assertThat(segments.members(RuleParser.parse("country = \"us\""), 10, 1)).extracting(Profile::getExternalId)
                .containsExactly("b");
        assertThat(segments.find("us TRAVELLERS")).contains(travellers);
    }

    @Test
    void duplicateNamesAreRefusedAndDuplicateFindsAFreeName() {
        Segment first = segments.create("Adults", RuleParser.parse("age >= 18"), null);

        assertThatThrownBy(() -> segments.create("adults", RuleParser.parse("age > 1"), null))
                .hasMessage("A segment named \"adults\" already exists");
        assertThat(segments.duplicate(first.id()).name()).isEqualTo("Adults (copy)");
        assertThat(segments.duplicate(first.id()).name()).isEqualTo("Adults (copy 2)");
    }

    @Test
    void aSegmentReferenceUsesTheReferencedSegmentsLiveRule() {
        profile("young", 20, null, "", "US", null, null);
        profile("old", 80, null, "", "US", null, null);
        Segment adults = segments.create("Adults", RuleParser.parse("age >= 18"), null);
        Segment notSenior = segments.create("Adults not senior", RuleParser.parse("segment \"adults\" AND NOT segment \"Senior\""), null);

        assertThat(segments.count(notSenior.rule())).isEqualTo(1);
        segments.update(adults.id(), "Adults", RuleParser.parse("age >= 21"), null);

        assertThat(segments.count(notSenior.rule())).isZero();
    }

    @Test
    void aRuleThatWouldMakeACycleIsRefusedOnSave() {
        Segment a = segments.create("A", RuleParser.parse("age > 1"), null);
        segments.create("B", RuleParser.parse("segment \"A\""), null);

        assertThatThrownBy(() -> segments.update(a.id(), "A", RuleParser.parse("segment \"B\""), null))
                .hasMessage("Segment \"A\" refers to itself: a -> b -> a");
        assertThatThrownBy(() -> segments.create("C", RuleParser.parse("segment \"missing\""), null))
                .hasMessage("There is no segment named \"missing\"");
    }

    @Test
    void aReferencedSegmentCannotBeDeletedOrRenamed() {
        Segment a = segments.create("A", RuleParser.parse("age > 1"), null);
        segments.create("B", RuleParser.parse("segment \"A\""), null);

        assertThatThrownBy(() -> segments.delete(a.id()))
                .hasMessage("Segment \"A\" cannot be deleted because the rule of \"B\" refers to it");
        assertThatThrownBy(() -> segments.update(a.id(), "A2", a.rule(), null))
                .hasMessageContaining("cannot be renamed");
    }

    @Test
    void snapshotStoresSizesMembersAndWhoJoinedOrLeft() {
        Profile a = profile("a", 30, null, "", "US", null, null);
        Profile b = profile("b", 30, null, "", "US", null, null);
        Segment us = segments.create("US", RuleParser.parse("country = \"US\""), null);

        List<SnapshotResult> first = segments.snapshotAll("manual");
        assertThat(first).filteredOn(r -> r.name().equals("US")).singleElement()
                .satisfies(r -> assertThat(r.size()).isEqualTo(2))
                .satisfies(r -> assertThat(r.added()).isEqualTo(2));

        b.setCountry("DE");
        profiles.save(b);
        Profile c = profile("c", 30, null, "", "US", null, null);

        MembershipChange change = segments.diffSinceLastSnapshot(us.id());
        assertThat(change.since()).isEqualTo("2025-06-15T12:00:00Z");
        assertThat(change.added()).containsExactly(c.getId());
        assertThat(change.removed()).containsExactly(b.getId());

        segments.snapshotAll("import");
        assertThat(segments.history(us.id())).extracting(SnapshotPoint::reason, SnapshotPoint::size)
                .containsExactly(tuple("manual", 2L), tuple("import", 2L));
        assertThat(segments.memberIds(us.rule())).containsExactly(a.getId(), c.getId());
        assertThat(storedMembers(us.id())).containsExactly(a.getId(), c.getId());
        assertThat(segments.histories()).filteredOn(h -> h.name().equals("US")).singleElement()
                .satisfies(h -> assertThat(h.points()).hasSize(2));
    }

    @Test
    void foreignKeysAreEnforcedAgainAfterASnapshot() {
        Profile a = profile("a", 30, null, "", "US", null, null);
        Segment us = segments.create("US", RuleParser.parse("country = \"US\""), null);
        segments.snapshotAll("manual");
        assertThat(storedMembers(us.id())).containsExactly(a.getId());

        profiles.delete(a.getId());

        assertThat(storedMembers(us.id())).isEmpty();
        assertThatThrownBy(() -> database.write(connection -> connection.createStatement().executeUpdate(
                "INSERT INTO segment_member(segment_id, profile_id) VALUES (" + us.id() + ", 999999)")))
                .hasMessageContaining("FOREIGN KEY");
    }

    @Test
    void aCorruptSnapshotIsReportedWhenDiffing() {
        profile("a", 30, null, "", "US", null, null);
        Segment us = segments.create("US", RuleParser.parse("country = \"US\""), null);
        segments.snapshotAll("manual");
        database.write(connection -> connection.createStatement().executeUpdate(
                "UPDATE segment_snapshot SET members = x'00ff00ff'"));

        assertThatThrownBy(() -> segments.diffSinceLastSnapshot(us.id()))
                .isInstanceOf(CorruptSnapshotException.class);
    }

    @Test
    void aRuleWithLiveRulesSelectsWhatTheLiveCountCountsWhereStoredMembersAreStale() {
        profile("a", 30, null, "", "US", null, null);
        profile("b", 70, null, "", "US", null, null);
        profile("c", 70, null, "", "CA", null, null);
        segments.save("Seniors", RuleParser.parse("age >= 65"), null);
        Condition rule = RuleParser.parse("country = \"US\" AND NOT segment \"Seniors\"");
        ProfileBrowser browser = new ProfileBrowser(database);

        long live = segments.count(rule);
        long listed = browser.count(new ProfileQuery(segments.withLiveRules(rule), null, null, null));
        long fromStoredMembers = browser.count(new ProfileQuery(rule, null, null, null));
        browser.close();

        assertThat(live).isEqualTo(1);
        assertThat(listed).isEqualTo(live);
        assertThat(fromStoredMembers).as("Seniors was never evaluated, so its stored member list is empty").isEqualTo(2);
        assertThatThrownBy(() -> segments.withLiveRules(RuleParser.parse("segment \"Nobody\"")))
                .hasMessage("There is no segment named \"Nobody\"");
    }

    @Test
    void cohortsAreListedWithSizesAndMembers() {
        Profile a = profile("a", 30, null, "", "US", null, null);
        Profile b = profile("b", 30, null, "", "US", null, null);
        database.write(connection -> connection.createStatement().executeUpdate("INSERT INTO profile_cohort"
                + "(profile_id, cohort, source, assigned_at) VALUES (" + a.getId() + ", 'vip', 'import', 'x'),"
                + " (" + b.getId() + ", 'vip', 'import', 'x'), (" + b.getId() + ", 'new', 'import', 'x')"));
        CohortService cohorts = new CohortService(database);

        assertThat(cohorts.cohorts()).containsExactly(new CohortSize("vip", 2), new CohortSize("new", 1));
        assertThat(cohorts.members("VIP", 10, 0)).extracting(Profile::getExternalId).containsExactly("a", "b");
    }

    private Map<String, Long> sizes() {
        Map<String, Long> sizes = new HashMap<>();
        segments.sizes().forEach(s -> sizes.put(s.segment().name(), s.size()));
        return sizes;
    }

    private List<Long> storedMembers(long segmentId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT profile_id FROM segment_member WHERE segment_id = ? ORDER BY 1")) {
                statement.setLong(1, segmentId);
                List<Long> ids = new ArrayList<>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    private Profile profile(String id, Integer age, Double income, String interests, String country, String city, String education) {
        Profile profile = new Profile();
        profile.setExternalId(id);
        profile.setAge(age);
        profile.setIncome(income);
        profile.setInterests(interests.isEmpty() ? List.of()
                : Arrays.stream(interests.split("\\|")).map(i -> i.toLowerCase(Locale.ROOT)).toList());
        profile.setCountry(country);
        profile.setCity(city);
        profile.setEducation(education);
        return profiles.save(profile);
    }
}

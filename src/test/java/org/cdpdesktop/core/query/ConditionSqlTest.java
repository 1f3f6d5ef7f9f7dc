package org.cdpdesktop.core.query;

import org.cdpdesktop.core.segment.Segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.db.StoreException;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.store.ProfileStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every count the SQL gives is checked against the same rule evaluated in plain Java over the same profiles. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionSqlTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final String[] COUNTRIES = {"US", "us", "Canada", "CANADA", "Germany", "", null};
    private static final String[] CITIES = {"New York", "new york", "San Francisco", "Paris", "Ba%r_n", null, "  "};
    private static final String[] INTERESTS = {"travel", "tech", "gaming", "music"};

    @TempDir
    static Path folder;
    private Database database;
    private final List<Profile> profiles = new ArrayList<>();
    private final Map<String, List<Long>> cohorts = Map.of("vip", new ArrayList<>(), "Churn Risk", new ArrayList<>());

    @BeforeAll
    void insertVariedProfiles() {
        database = Database.open(folder.resolve("cdp.db"));
        ProfileStore store = new ProfileStore(database);
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            Profile profile = new Profile();
            profile.setExternalId("p" + i);
            profile.setCountry(COUNTRIES[random.nextInt(COUNTRIES.length)]);
            profile.setCity(CITIES[random.nextInt(CITIES.length)]);
            profile.setAge(random.nextInt(8) == 0 ? null : random.nextInt(90));
            profile.setIncome(random.nextInt(8) == 0 ? null : random.nextInt(300) * 1000.0 + (random.nextBoolean() ? 0.5 : 0));
            List<String> interests = new ArrayList<>();
            for (String interest : INTERESTS) {
                if (random.nextInt(3) == 0) {
                    interests.add(interest);
                }
            }
            profile.setInterests(interests);
            profile.setSignupDate(random.nextInt(6) == 0 ? null : LocalDate.of(2025, 6, 15).minusDays(random.nextInt(60)).toString());
            profile.setAttributes(random.nextBoolean() ? Map.of("tier", random.nextBoolean() ? "Gold" : "silver") : Map.of());
            profile.setCreatedAt(LocalDate.of(2025, 6, 15).minusDays(random.nextInt(20)) + "T10:15:00Z");
            profiles.add(store.save(profile));
        }
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO profile_cohort"
                    + "(profile_id, cohort, source, assigned_at) VALUES (?, ?, 'import', '2025-06-01T00:00:00Z')")) {
                for (Profile profile : profiles) {
                    int pick = (int) (profile.getId() % 5);
                    String cohort = pick == 0 ? "vip" : pick == 1 ? "Churn Risk" : null;
                    if (cohort != null) {
                        cohorts.get(cohort).add(profile.getId());
                        insert.setLong(1, profile.getId());
                        insert.setString(2, cohort);
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    @AfterAll
    void close() {
        database.close();
    }

    Stream<Arguments> rules() {
        return Stream.of(
                rule("country = \"us\"", p -> "us".equalsIgnoreCase(p.getCountry())),
                rule("country != \"US\"", p -> !"us".equalsIgnoreCase(p.getCountry())),
                rule("country in (\"us\", \"canada\")", p -> p.getCountry() != null
                        && List.of("us", "canada").contains(p.getCountry().toLowerCase(Locale.ROOT))),
                rule("country not in (\"us\", \"canada\")", p -> p.getCountry() == null
                        || !List.of("us", "canada").contains(p.getCountry().toLowerCase(Locale.ROOT))),
                rule("country in ()", p -> false),
                rule("country not in ()", p -> true),
                rule("country is empty", p -> p.getCountry() == null || p.getCountry().isBlank()),
                rule("country is not empty", p -> p.getCountry() != null && !p.getCountry().isBlank()),
                rule("NOT country = \"US\"", p -> !"us".equalsIgnoreCase(p.getCountry())),
                rule("city contains \"YORK\"", p -> lower(p.getCity()).contains("york")),
                rule("city not contains \"york\"", p -> !lower(p.getCity()).contains("york")),
                rule("city contains \"%r_\"", p -> lower(p.getCity()).contains("%r_")),
                rule("city starts with \"san\"", p -> lower(p.getCity()).startsWith("san")),
                rule("city ends with \"YORK\"", p -> p.getCity() != null && lower(p.getCity()).endsWith("york")),
                rule("city matches \"^n.w\\\\s\"", p -> p.getCity() != null && lower(p.getCity()).matches("^n.w\\s.*")),
                rule("city is empty", p -> p.getCity() == null || p.getCity().isBlank()),
                rule("city < \"P\"", p -> p.getCity() != null && p.getCity().compareToIgnoreCase("P") < 0),
                rule("age = 30", p -> Objects.equals(p.getAge(), 30)),
                rule("age != 30", p -> !Objects.equals(p.getAge(), 30)),
                rule("age < 30", p -> p.getAge() != null && p.getAge() < 30),
                rule("age <= 30", p -> p.getAge() != null && p.getAge() <= 30),
                rule("age > 30", p -> p.getAge() != null && p.getAge() > 30),
                rule("age >= 30", p -> p.getAge() != null && p.getAge() >= 30),
                rule("age between 20 and 40", p -> p.getAge() != null && p.getAge() >= 20 && p.getAge() <= 40),
                rule("age in (0, 89)", p -> p.getAge() != null && (p.getAge() == 0 || p.getAge() == 89)),
                rule("age not in (0, 89)", p -> p.getAge() == null || (p.getAge() != 0 && p.getAge() != 89)),
                rule("age is empty", p -> p.getAge() == null),
                rule("NOT age > 30", p -> p.getAge() == null || p.getAge() <= 30),
                rule("income > 100000.25", p -> p.getIncome() != null && p.getIncome() > 100000.25),
                rule("income >= 100000", p -> p.getIncome() != null && p.getIncome() >= 100000),
                rule("interests contains \"TRAVEL\"", p -> p.getInterests().contains("travel")),
                rule("interests not contains \"travel\"", p -> !p.getInterests().contains("travel")),
                rule("interests in (\"tech\", \"gaming\")", p -> p.getInterests().contains("tech") || p.getInterests().contains("gaming")),
                rule("interests not in (\"tech\", \"gaming\")", p -> !p.getInterests().contains("tech") && !p.getInterests().contains("gaming")),
                rule("interests is empty", p -> p.getInterests().isEmpty()),
                rule("interests is not empty", p -> !p.getInterests().isEmpty()),
                rule("interests starts with \"t\"", p -> p.getInterests().stream().anyMatch(i -> i.startsWith("t"))),
                rule("interests matches \"^(mus|gam)\"", p -> p.getInterests().stream().anyMatch(i -> i.matches("^(mus|gam).*"))),
                rule("signupDate = \"2025-06-01\"", p -> "2025-06-01".equals(p.getSignupDate())),
                rule("signupDate <= \"2025-06-01\"", p -> p.getSignupDate() != null && p.getSignupDate().compareTo("2025-06-01") <= 0),
                rule("signupDate > \"2025-06-01\"", p -> p.getSignupDate() != null && p.getSignupDate().compareTo("2025-06-01") > 0),
                rule("signupDate between \"2025-05-01\" and \"2025-05-31\"", p -> p.getSignupDate() != null
                        && p.getSignupDate().compareTo("2025-05-01") >= 0 && p.getSignupDate().compareTo("2025-05-31") <= 0),
                rule("signupDate in last 10 days", p -> p.getSignupDate() != null && p.getSignupDate().compareTo("2025-06-05") >= 0),
                rule("signupDate is empty", p -> p.getSignupDate() == null),
                rule("createdAt = \"2025-06-10\"", p -> p.getCreatedAt().startsWith("2025-06-10")),
                rule("createdAt <= \"2025-06-10\"", p -> p.getCreatedAt().substring(0, 10).compareTo("2025-06-10") <= 0),
                rule("createdAt > \"2025-06-10\"", p -> p.getCreatedAt().substring(0, 10).compareTo("2025-06-10") > 0),
                rule("createdAt in last 7 days", p -> p.getCreatedAt().compareTo("2025-06-08") >= 0),
                rule("attribute \"tier\" = \"gold\"", p -> "gold".equalsIgnoreCase(p.getAttributes().get("tier"))),
                rule("attribute \"tier\" != \"gold\"", p -> !"gold".equalsIgnoreCase(p.getAttributes().get("tier"))),
                rule("attribute \"tier\" is empty", p -> p.getAttributes().get("tier") == null),
                rule("attribute \"missing\" is empty", p -> true),
                rule("cohort = \"VIP\"", p -> cohorts.get("vip").contains(p.getId())),
                rule("cohort != \"vip\"", p -> !cohorts.get("vip").contains(p.getId())),
                rule("cohort in (\"vip\", \"churn risk\")", p -> cohorts.get("vip").contains(p.getId())
                        || cohorts.get("Churn Risk").contains(p.getId())),
                rule("cohort is empty", p -> !cohorts.get("vip").contains(p.getId()) && !cohorts.get("Churn Risk").contains(p.getId())),
                rule("country in (\"US\",\"CA\") AND age >= 25 AND (interests contains \"travel\" OR income > 100000)"
                        + " AND NOT city = \"new york\"", p -> p.getCountry() != null
                        && List.of("us", "canada").contains(p.getCountry().toLowerCase(Locale.ROOT))
                        && p.getAge() != null && p.getAge() >= 25
                        && (p.getInterests().contains("travel") || p.getIncome() != null && p.getIncome() > 100000)
                        && !"new york".equalsIgnoreCase(p.getCity())),
                rule("NOT (age > 30 OR country = \"us\")", p -> !(p.getAge() != null && p.getAge() > 30)
                        && !"us".equalsIgnoreCase(p.getCountry())));
    }

    private static Arguments rule(String text, Predicate<Profile> expected) {
        return Arguments.of(text, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void sqlCountMatchesTheRuleEvaluatedInJava(String text, Predicate<Profile> expected) {
        SqlFragment sql = ConditionSql.toSql(RuleParser.parse(text), name -> Optional.empty(), TODAY);

        long expectedCount = profiles.stream().filter(expected).count();

        assertThat(count(sql)).isEqualTo(expectedCount);
        assertThat(sql.sql()).doesNotContain("gold", "york", "travel", "100000");
    }

    @Test
    void theSameRuleWithoutUserValuesInTheSqlMatchesWithAnApostrophe() {
        SqlFragment sql = ConditionSql.toSql(RuleParser.parse("city = \"O'Brien'); DROP TABLE profile; --\""));

        assertThat(count(sql)).isZero();
        assertThat(sql.parameters()).containsExactly("O'Brien'); DROP TABLE profile; --");
    }

    @Test
    void segmentReferenceInlinesTheReferencedLiveRule() {
        SegmentRules rules = name -> name.equalsIgnoreCase("adults") ? Optional.of(RuleParser.parse("age >= 18"))
                : Optional.empty();

        SqlFragment sql = ConditionSql.toSql(RuleParser.parse("segment \"Adults\" AND NOT segment != \"adults\""), rules);

        assertThat(count(sql)).isEqualTo(profiles.stream().filter(p -> p.getAge() != null && p.getAge() >= 18).count());
    }

    @Test
    void segmentReferenceCycleIsReportedWithItsPath() {
        SegmentRules rules = name -> Optional.of(RuleParser.parse(
                name.equals("a") ? "segment \"b\"" : "age > 1 AND segment \"a\""));

        assertThatThrownBy(() -> ConditionSql.toSql(RuleParser.parse("segment \"a\""), rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Segment \"a\" refers to itself: a -> b -> a");
    }

    @Test
    void unknownSegmentReferenceIsAnError() {
        assertThatThrownBy(() -> ConditionSql.toSql(RuleParser.parse("segment \"nope\""), name -> Optional.empty()))
                .hasMessage("There is no segment named \"nope\"");
    }

    @Test
    void aRunawayRegexFailsTheQueryInsteadOfHangingIt() {
        Profile profile = new Profile();
        profile.setExternalId("slow");
        profile.setBio("x".repeat(3000));
        new ProfileStore(database).save(profile);
        try {
            SqlFragment sql = ConditionSql.toSql(RuleParser.parse("bio matches \"(x+x+)+y\""));

            assertThatThrownBy(() -> count(sql))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("took longer than");
        } finally {
            new ProfileStore(database).delete(profile.getId());
        }
    }

    private long count(SqlFragment sql) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM profile p WHERE " + sql.sql())) {
                for (int i = 0; i < sql.parameters().size(); i++) {
                    statement.setObject(i + 1, sql.parameters().get(i));
                }
                try (var result = statement.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}

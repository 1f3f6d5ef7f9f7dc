package org.cdpdesktop.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.segment.SegmentService;
import org.cdpdesktop.core.store.ProfileStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule values go through the import's cleaning, so a rule finds what a file said, not only what the store holds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleLiteralsTest {

    private static final FieldCleaner CLEANER = new FieldCleaner();

    @TempDir
    static Path folder;
    private Database database;
    private SegmentService segments;

    /** Each profile is stored as an import of these raw file values stores it. */
    @BeforeAll
    void importProfiles() {
        database = Database.open(folder.resolve("cdp.db"));
        segments = new SegmentService(database);
        ProfileStore store = new ProfileStore(database);
        store.save(imported("us-1", "USA", "m", "Ann@Example.COM", "(555) 010-2030", "3/5/2024", 30));
        store.save(imported("us-2", "United States of America", "female", "bo@example.com", "555 010 9999", "2024-03-20", 20));
        store.save(imported("ca-1", "CA", "F", "cy@example.com", "", "5 April 2024", 40));
        store.save(imported("de-1", "Deutschland", "M", "di@example.com", "", "", 50));
        store.save(imported("unknown", "Atlantis", "x", "", "", "", 60));
    }

    @AfterAll
    void close() {
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "country = \"USA\"                               | us-1,us-2",
        "country = \"us\"                                | us-1,us-2",
        "country = \"United States\"                     | us-1,us-2",
        "country in (\"US\",\"CA\")                      | us-1,us-2,ca-1",
        "country in (\"US\",\"CA\") AND age >= 25        | us-1,ca-1",
        "country != \"USA\"                              | ca-1,de-1,unknown",
        "country not in (\"US\", \"germany\")            | ca-1,unknown",
        "country is \"Canada\"                           | ca-1",
        "country = \"Atlantis\"                          | unknown",
        "gender = \"m\"                                  | us-1,de-1",
        "gender in (\"f\")                               | us-2,ca-1",
        "email = \"A@B.COM\"                             | ''",
        "email = \"ANN@example.com\"                     | us-1",
        "email = \"mailto:<ANN@EXAMPLE.COM>\"            | us-1",
        "phone = \"+1 (555) 010-2030\"                   | ''",
        "phone = \"(555) 010-2030\"                      | us-1",
        "signupDate = \"3/5/2024\"                       | us-1",
        "signupDate between \"1 March 2024\" and \"31 March 2024\" | us-1,us-2",
        "signupDate > \"March 31, 2024\"                 | ca-1",
    })
    void aRuleValueIsCleanedAsTheImportCleanedTheStoredOne(String rule, String expectedIds) {
        List<String> expected = expectedIds.isEmpty() ? List.of() : List.of(expectedIds.split(","));

        assertThat(matches(rule)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void substringAndPatternTestsCompareTheValueAsTyped() {
        assertThat(matches("country starts with \"US\"")).isEmpty();
        assertThat(matches("country contains \"Stat\"")).containsExactlyInAnyOrder("us-1", "us-2");
        assertThat(matches("country matches \"^USA$\"")).isEmpty();
    }

    @Test
    void aValueStoredAsGivenStillMatchesItsOwnSpelling() {
        Profile raw = new Profile();
        raw.setExternalId("raw-us");
        raw.setCountry("US");
        Profile saved = new ProfileStore(database).save(raw);
        try {
            assertThat(matches("country = \"US\"")).containsExactlyInAnyOrder("us-1", "us-2", "raw-us");
            assertThat(matches("country = \"USA\"")).containsExactlyInAnyOrder("us-1", "us-2");
        } finally {
            new ProfileStore(database).delete(saved.getId());
        }
    }

    @Test
    void aDateInNoKnownFormatIsStillRefusedWithItsPosition() {
        assertThatThrownBy(() -> RuleParser.parse("signupDate = \"next tuesday\""))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage("at position 14: expected a date like 2024-01-31 for Signup date, found \"next tuesday\"");
    }

    private List<String> matches(String rule) {
        return segments.members(RuleParser.parse(rule), 100, 0).stream().map(Profile::getExternalId)
                .collect(Collectors.toList());
    }

    private static Profile imported(String id, String country, String gender, String email, String phone, String signup,
            int age) {
        Profile profile = new Profile();
        profile.setExternalId(id);
        profile.setCountry(cleaned(ProfileField.COUNTRY, country));
        profile.setGender(cleaned(ProfileField.GENDER, gender));
        profile.setEmail(cleaned(ProfileField.EMAIL, email));
        profile.setPhone(cleaned(ProfileField.PHONE, phone));
        profile.setSignupDate(cleaned(ProfileField.SIGNUP_DATE, signup));
        profile.setAge(age);
        return profile;
    }

    private static String cleaned(ProfileField field, String raw) {
        return (String) CLEANER.clean(field, raw, null).value();
    }
}

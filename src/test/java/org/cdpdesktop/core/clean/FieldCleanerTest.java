package org.cdpdesktop.core.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cdpdesktop.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

class FieldCleanerTest {

    private final FieldCleaner cleaner = new FieldCleaner();

    private Object value(ProfileField field, String raw) {
        FieldResult result = cleaner.clean(field, raw, null);
        assertThat(result.ok()).isTrue();
        assertThat(result.isUnusual()).as("'%s' should clean", raw).isFalse();
        return result.value();
    }

    private String unusual(ProfileField field, String raw) {
        FieldResult result = cleaner.clean(field, raw, null);
        assertThat(result.ok()).isTrue();
        assertThat(result.value()).isNull();
        assertThat(result.unusual()).isNotNull();
        return result.unusual();
    }

    @Test
    void blankValuesAreNoValue() {
        assertThat(cleaner.clean(ProfileField.CITY, "   ", null)).isEqualTo(FieldResult.blank());
        assertThat(cleaner.clean(ProfileField.AGE, null, null).value()).isNull();
    }

    @Test
    void textIsTrimmedAndKeepsLeadingZeros() {
        assertThat(value(ProfileField.POSTAL_CODE, " 07302 ")).isEqualTo("07302");
        assertThat(value(ProfileField.EXTERNAL_ID, "000123")).isEqualTo("000123");
    }

    @Test
    void emailIsLowerCasedAndValidated() {
        assertThat(value(ProfileField.EMAIL, "  Jane.Doe@Example.COM ")).isEqualTo("jane.doe@example.com");
        assertThat(value(ProfileField.EMAIL, "mailto:<A@B.org>")).isEqualTo("a@b.org");
        assertThat(unusual(ProfileField.EMAIL, "n/a")).contains("'n/a' is not a valid email");
        unusual(ProfileField.EMAIL, "jane.doe@");
        unusual(ProfileField.EMAIL, "a@b@c.com");
        unusual(ProfileField.EMAIL, "jane doe@x.com");
    }

    @Test
    void phoneKeepsDigitsAndALeadingPlus() {
        assertThat(value(ProfileField.PHONE, "(796) 740-0610")).isEqualTo("7967400610");
        assertThat(value(ProfileField.PHONE, "+1 796 740 0610")).isEqualTo("+17967400610");
        assertThat(value(ProfileField.PHONE, "0049 30 123")).isEqualTo("004930123");
        unusual(ProfileField.PHONE, "Unknown");
    }

    @Test
    void genderIsNormalisedAndOtherValuesKeptAsGiven() {
        assertThat(value(ProfileField.GENDER, "m")).isEqualTo("Male");
        assertThat(value(ProfileField.GENDER, "FEMALE")).isEqualTo("Female");
        assertThat(value(ProfileField.GENDER, "Non-binary")).isEqualTo("Non-binary");
        assertThat(value(ProfileField.GENDER, "Unknown")).isEqualTo("Unknown");
    }

    @Test
    void countryNamesAndCodesBecomeOneName() {
        assertThat(value(ProfileField.COUNTRY, "US")).isEqualTo("United States");
        assertThat(value(ProfileField.COUNTRY, "u.s.a.")).isEqualTo("United States");
        assertThat(value(ProfileField.COUNTRY, "United States of America")).isEqualTo("United States");
        assertThat(value(ProfileField.COUNTRY, "DEU")).isEqualTo("Germany");
        assertThat(value(ProfileField.COUNTRY, "Deutschland")).isEqualTo("Germany");
        assertThat(value(ProfileField.COUNTRY, "uk")).isEqualTo("United Kingdom");
        assertThat(value(ProfileField.COUNTRY, "Atlantis")).isEqualTo("Atlantis");
    }

    @Test
    void datesInSeveralFormatsBecomeIso() {
        assertThat(value(ProfileField.SIGNUP_DATE, "2024-03-05")).isEqualTo("2024-03-05");
        assertThat(value(ProfileField.SIGNUP_DATE, "2025-11-14 10:26:38")).isEqualTo("2025-11-14T10:26:38");
        assertThat(value(ProfileField.SIGNUP_DATE, "2023-09-07T01:05:27.438485")).isEqualTo("2023-09-07T01:05:27.438485");
        assertThat(value(ProfileField.SIGNUP_DATE, "2024-03-05T10:00:00Z")).isEqualTo("2024-03-05T10:00:00Z");
        assertThat(value(ProfileField.SIGNUP_DATE, "2024-03-05 10:00+0130")).isEqualTo("2024-03-05T10:00:00+01:30");
        assertThat(value(ProfileField.SIGNUP_DATE, "25/12/2023")).isEqualTo("2023-12-25");
        assertThat(value(ProfileField.SIGNUP_DATE, "03/05/2024")).isEqualTo("2024-03-05");
        assertThat(value(ProfileField.SIGNUP_DATE, "05.03.2024")).isEqualTo("2024-03-05");
        assertThat(value(ProfileField.SIGNUP_DATE, "2024/03/05")).isEqualTo("2024-03-05");
        assertThat(value(ProfileField.SIGNUP_DATE, "Mar 5, 2024")).isEqualTo("2024-03-05");
        assertThat(value(ProfileField.SIGNUP_DATE, "5 March 2024")).isEqualTo("2024-03-05");
        unusual(ProfileField.SIGNUP_DATE, "2024-02-30");
        unusual(ProfileField.SIGNUP_DATE, "yesterday");
    }

    @Test
    void aDateFormatHintDecidesAmbiguousDates() {
        assertThat(cleaner.clean(ProfileField.SIGNUP_DATE, "03/05/2024", "dd/MM/yyyy").value()).isEqualTo("2024-05-03");
        assertThat(cleaner.clean(ProfileField.SIGNUP_DATE, "2024-05-03", "dd/MM/yyyy").unusual()).contains("does not match");
    }

    @Test
    void ageMustBeAWholeNumberFromZeroTo120() {
        assertThat(value(ProfileField.AGE, "34")).isEqualTo(34);
        assertThat(value(ProfileField.AGE, "34.0")).isEqualTo(34);
        assertThat(value(ProfileField.AGE, "0")).isEqualTo(0);
        assertThat(unusual(ProfileField.AGE, "150")).isEqualTo("age 150 is outside 0-120");
        unusual(ProfileField.AGE, "-1");
        unusual(ProfileField.AGE, "thirty");
    }

    @Test
    void incomeAcceptsCurrencyThousandsRangesAndSuffixes() {
        assertThat(value(ProfileField.INCOME, "50000")).isEqualTo(50000.0);
        assertThat(value(ProfileField.INCOME, "$50k")).isEqualTo(50000.0);
        assertThat(value(ProfileField.INCOME, "1,200.50")).isEqualTo(1200.5);
        assertThat(value(ProfileField.INCOME, "1.200,50 €")).isEqualTo(1200.5);
        assertThat(value(ProfileField.INCOME, "25000-50000")).isEqualTo(37500.0);
        assertThat(value(ProfileField.INCOME, "$25k to $50k")).isEqualTo(37500.0);
        assertThat(value(ProfileField.INCOME, "1.2M")).isEqualTo(1_200_000.0);
        assertThat(value(ProfileField.INCOME, "0")).isEqualTo(0.0);
        assertThat(FieldCleaner.isRange("25000-50000")).isTrue();
        assertThat(FieldCleaner.isRange("-5")).isFalse();
        unusual(ProfileField.INCOME, "Unknown");
    }

    @Test
    void interestsAreSplitTrimmedLowerCasedAndDeduplicated() {
        assertThat(value(ProfileField.INTERESTS, "Music| Tech |music")).isEqualTo(List.of("music", "tech"));
        assertThat(value(ProfileField.INTERESTS, "a, b;c")).isEqualTo(List.of("a", "b", "c"));
        assertThat(value(ProfileField.INTERESTS, "['Music', 'Tech', \"Rock, Pop\"]")).isEqualTo(List.of("music", "tech", "rock, pop"));
        assertThat(value(ProfileField.INTERESTS, "[]")).isEqualTo(List.of());
    }

    @Test
    void anUnusableExternalIdRejectsTheRow() {
        assertThat(cleaner.clean(ProfileField.EXTERNAL_ID, "x".repeat(300), null).problem()).contains("at most 256");
        assertThat(cleaner.clean(ProfileField.EXTERNAL_ID, "a\u0001b", null).ok()).isFalse();
    }

    @Test
    void interestsAreReadHoweverTheyAreWritten() {
        for (String written : List.of("tech|gaming", "tech, gaming", "tech; gaming", "['tech', 'gaming']", "[\"tech\", \"gaming\"]",
                "\"[\"\"tech\"\", \"\"gaming\"\"]\"", "[\"\"tech\"\", \"\"gaming\"\"]", "[\\\"tech\\\", \\\"gaming\\\"]",
                " [ 'Tech' , \"GAMING\" ] ")) {
            assertThat(FieldCleaner.list(written)).as(written).containsExactly("tech", "gaming");
        }
        assertThat(FieldCleaner.list("[\"\", \"travel\"]")).containsExactly("travel");
    }
}

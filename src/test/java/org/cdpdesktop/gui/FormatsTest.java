package org.cdpdesktop.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.stats.Dashboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private Locale before;

    @BeforeEach
    void useLocale() {
        before = Locale.getDefault(Locale.Category.FORMAT);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(Locale.Category.FORMAT, before);
    }

    @Test
    void incomeIsGroupedWithAtMostTwoDecimalsInTheComputersLocale() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        assertThat(Formats.field(ProfileField.INCOME, "62499.5")).isEqualTo("62,499.5");
        assertThat(Formats.field(ProfileField.INCOME, "120000.004")).isEqualTo("120,000");

        Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
        assertThat(Formats.field(ProfileField.INCOME, "62499.5")).isEqualTo("62.499,5");
        assertThat(Formats.count(1228, "profile", "profiles")).isEqualTo("1.228 profiles");
    }

    @Test
    void signupDateTimeIsShownAsADateAndTimeWithoutTheIsoT() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);

        assertThat(Formats.field(ProfileField.SIGNUP_DATE, "2024-12-04T09:20:18")).isEqualTo("Dec 4, 2024, 9:20 AM");
        assertThat(Formats.field(ProfileField.SIGNUP_DATE, "2024-12-04")).isEqualTo("Dec 4, 2024");
    }

    @Test
    void textAndUnreadableValuesAreShownAsStored() {
        assertThat(Formats.field(ProfileField.POSTAL_CODE, "07302")).isEqualTo("07302");
        assertThat(Formats.field(ProfileField.INCOME, "about 50k")).isEqualTo("about 50k");
        assertThat(Formats.field(ProfileField.SIGNUP_DATE, "last spring")).isEqualTo("last spring");
        assertThat(Formats.field(ProfileField.CREATED_AT, null)).isNull();
    }

    @Test
    void chartPeriodsAreNamedAsPeopleSayThem() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);

        assertThat(Formats.period("2025-03-01", Dashboard.Period.MONTH)).isEqualTo("Mar 2025");
        assertThat(Formats.period("2025-03-10", Dashboard.Period.WEEK)).isEqualTo("week of Mar 10, 2025");
        assertThat(Formats.period("2025-03-14", Dashboard.Period.DAY)).isEqualTo("Mar 14, 2025");
    }
}

package org.cdpdesktop.gui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.profile.ProfileFixtures;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.core.store.ProfileStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFilterTest {

    @TempDir
    Path folder;

    private Database database;
    private ProfileBrowser browser;
    private List<Profile> five;

    @BeforeEach
    void openStore() {
        database = Database.open(folder.resolve("cdp.db"));
        browser = new ProfileBrowser(database);
        five = ProfileFixtures.saveFive(new ProfileStore(database));
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    private List<String> matching(ProfileFilter filter) {
        return browser.page(filter.toQuery(ProfileSort.NATURAL), 0, 100).stream().map(Profile::getExternalId).toList();
    }

    @Test
    void canadiansAged25To34InterestedInTravel() {
        ProfileFilter filter = new ProfileFilter(null, "canada", null, 25, 34, null, null, null, null, "Travel", null, null, null);

        assertThat(matching(filter)).containsExactly("ck_a", "ck_c");
        assertThat(browser.count(filter.toQuery(ProfileSort.NATURAL))).isEqualTo(2);
    }

    @Test
    void noFilterMeansNoCondition() {
        assertThat(ProfileFilter.NONE.condition()).isNull();
        assertThat(new ProfileFilter(" ", "", null, null, null, null, null, null, null, "  ", null, null, null).isEmpty()).isTrue();
        assertThat(matching(ProfileFilter.NONE)).hasSize(5);
    }

    @Test
    void openEndedRangesUseOnlyTheGivenBound() {
        assertThat(matching(ProfileFilter.ages(40, null))).containsExactly("ck_b", "ck_e");
        assertThat(matching(new ProfileFilter(null, null, null, null, null, null, new BigDecimal("64000"), null, null, null, null, null, null)))
                .containsExactly("ck_c", "ck_d");
    }

    @Test
    void genderCohortSegmentAndImportFileCombineWithSearch() {
        ProfileFixtures.assignCohort(database, five.get(0).getId(), "Explorers", 0.9, "m1");
        ProfileFixtures.assignCohort(database, five.get(2).getId(), "Explorers", 0.7, "m1");
        ProfileFixtures.segment(database, "Travellers", five.get(0).getId(), five.get(2).getId(), five.get(3).getId());
        ProfileFixtures.recordImport(database, "may.csv", "2026-05-01T00:00:00Z", five.get(2).getId(), five.get(3).getId());

        assertThat(matching(ProfileFilter.cohort("explorers").withSearch("kim"))).containsExactly("ck_c");
        assertThat(matching(ProfileFilter.segment("Travellers"))).containsExactly("ck_a", "ck_c", "ck_d");
        assertThat(matching(new ProfileFilter(null, null, "female", null, null, null, null, null, "Travellers", null, null, null, "may.csv")))
                .containsExactly("ck_c");
    }

    @Test
    void signedUpRangeIncludesBothDaysAndUsesTheDayAProfileArrivedWhenItHasNoSignupDate() {
        LocalDate today = LocalDate.parse(five.get(0).getCreatedAt().substring(0, 10));

        assertThat(matching(ProfileFilter.signedUp(today, today))).hasSize(5);
        assertThat(matching(ProfileFilter.signedUp(today.plusDays(1), null))).isEmpty();
    }

    @Test
    void signedUpRangeUsesTheProfilesOwnSignupDateOverTheDayItArrived() {
        Profile ann = five.get(0);
        ann.setSignupDate("2024-12-04T09:20:18");
        new ProfileStore(database).save(ann);

        assertThat(matching(ProfileFilter.signedUp(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 31)))).containsExactly("ck_a");
        assertThat(matching(ProfileFilter.signedUp(LocalDate.of(2024, 12, 5), null))).doesNotContain("ck_a").hasSize(4);
    }
}

package org.cdpdesktop.core.store;

import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileFixtures;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.core.query.ProfileQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.query.SqlFragment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileBrowserTest {

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
        browser.close();
        database.close();
    }

    private List<String> externalIds(ProfileQuery query) {
        return browser.page(query, 0, 100).stream().map(Profile::getExternalId).toList();
    }

    @Test
    void aSelectionIsItsNamedIdsPlusTheRowsAtItsRangesOfTheListing() {
        // By age: ck_d, ck_a, ck_c, ck_b, ck_e. Rows 1-2 are ck_a and ck_c; row 4 is ck_e.
        ProfileQuery byAge = ProfileQuery.ALL.withSort(ProfileSort.parse("age"));
        SqlFragment selection = browser.whereAnyOf(new ProfileBrowser.Selection(List.of(five.get(3).getId()),
                List.of(new ProfileBrowser.RowRange(1, 2), new ProfileBrowser.RowRange(4, 1))), byAge);

        assertThat(externalIdsWhere(selection)).containsExactly("ck_a", "ck_c", "ck_d", "ck_e");
    }

    private List<String> externalIdsWhere(SqlFragment condition) {
        return database.read(connection -> {
            List<String> ids = new ArrayList<>();
            try (var statement = ProfileBrowser.prepare(connection,
                    "SELECT p.external_id FROM profile p WHERE " + condition.sql() + " ORDER BY p.external_id", condition.parameters());
                 var result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
            return ids;
        });
    }

    @Test
    void aSelectionOfMoreSeparateUnloadedRunsThanOneQueryHoldsIsRefusedWithAClearMessage() {
        List<ProfileBrowser.RowRange> scattered = IntStream.range(0, 500)
                .mapToObj(run -> new ProfileBrowser.RowRange(run * 2L, 1)).toList();

        assertThatThrownBy(() -> new ProfileBrowser.Selection(List.of(), scattered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A selection of more than 499 separate runs of rows that have not loaded yet cannot be exported;"
                        + " export the whole listing or fewer runs");
        // The most runs one selection may have still run as one statement: rows 0, 2 and 4 are ck_a, ck_c and ck_e.
        assertThat(externalIdsWhere(browser.whereAnyOf(new ProfileBrowser.Selection(List.of(), scattered.subList(0, 499)), ProfileQuery.ALL)))
                .containsExactly("ck_a", "ck_c", "ck_e");
    }

    @Test
    void blankValuesSortLastInBothDirections() {
        Profile blank = new Profile();
        blank.setExternalId("ck_blank");
        new ProfileStore(database).save(blank);

        assertThat(externalIds(ProfileQuery.ALL.withSort(ProfileSort.parse("age"))))
                .containsExactly("ck_d", "ck_a", "ck_c", "ck_b", "ck_e", "ck_blank");
        assertThat(externalIds(ProfileQuery.ALL.withSort(ProfileSort.parse("-age"))))
                .containsExactly("ck_e", "ck_b", "ck_c", "ck_a", "ck_d", "ck_blank");
        assertThat(externalIds(ProfileQuery.ALL.withSort(ProfileSort.parse("attr:tier"))))
                .containsExactly("ck_c", "ck_a", "ck_e", "ck_b", "ck_d", "ck_blank");
        assertThat(externalIds(ProfileQuery.ALL.withSort(ProfileSort.parse("-attr:tier"))))
                .containsExactly("ck_b", "ck_e", "ck_a", "ck_c", "ck_blank", "ck_d");
        assertThat(externalIds(ProfileQuery.ALL.withSort(ProfileSort.parse("interests"))).get(5)).isEqualTo("ck_blank");
        assertThat(externalIds(ProfileQuery.ALL.withSort(ProfileSort.parse("-interests"))).get(5)).isEqualTo("ck_blank");
    }

    @Test
    void listsEveryProfileInStoreOrderByDefault() {
        assertThat(externalIds(ProfileQuery.ALL)).containsExactly("ck_a", "ck_b", "ck_c", "ck_d", "ck_e");
        assertThat(browser.count(ProfileQuery.ALL)).isEqualTo(5);
    }

    @Test
    void searchFindsACustomerByAFragmentOfTheirEmailInAnyCase() {
        ProfileQuery query = ProfileQuery.ALL.withSearch("STONE@GM");

        assertThat(externalIds(query)).containsExactly("ck_b");
        assertThat(browser.count(query)).isEqualTo(1);
    }

    @Test
    void searchMatchesNamePrefixFullNameExternalIdCityAndProfileId() {
        assertThat(externalIds(ProfileQuery.ALL.withSearch("pat"))).containsExactly("ck_d");
        assertThat(externalIds(ProfileQuery.ALL.withSearch("cho kim"))).containsExactly("ck_c");
        assertThat(externalIds(ProfileQuery.ALL.withSearch("ck_e"))).containsExactly("ck_e");
        assertThat(externalIds(ProfileQuery.ALL.withSearch("toronto"))).containsExactly("ck_a", "ck_e");
        assertThat(externalIds(ProfileQuery.ALL.withSearch(five.get(2).getId().toString()))).contains("ck_c");
    }

    @Test
    void searchTreatsWildcardCharactersAsPlainText() {
        assertThat(externalIds(ProfileQuery.ALL.withSearch("%"))).isEmpty();
        assertThat(externalIds(ProfileQuery.ALL.withSearch("ck_"))).hasSize(5);
        assertThat(externalIds(ProfileQuery.ALL.withSearch("ck%"))).isEmpty();
    }

    @Test
    void sortsByAnyFieldBothWays() {
        assertThat(externalIds(ProfileQuery.ALL.withSort(ProfileSort.parse("age")))).containsExactly("ck_d", "ck_a", "ck_c", "ck_b", "ck_e");
        assertThat(externalIds(ProfileQuery.ALL.withSort(ProfileSort.parse("-income")))).containsExactly("ck_e", "ck_b", "ck_a", "ck_c", "ck_d");
        assertThat(externalIds(ProfileQuery.ALL.withSort(ProfileSort.parse("lastName")))).containsExactly("ck_c", "ck_a", "ck_e", "ck_d", "ck_b");
    }

    @Test
    void sortsByCustomAttributeWithMissingValuesLastAndTiesInIdOrder() {
        assertThat(externalIds(ProfileQuery.ALL.withSort(ProfileSort.parse("attr:tier"))))
                .containsExactly("ck_c", "ck_a", "ck_e", "ck_b", "ck_d");
    }

    @Test
    void pagesFollowEachOtherWithoutOverlapUnderASortWithTies() {
        ProfileQuery byCountry = ProfileQuery.ALL.withSort(ProfileSort.parse("country"));

        List<String> first = browser.page(byCountry, 0, 2).stream().map(Profile::getExternalId).toList();
        List<String> second = browser.page(byCountry, 2, 2).stream().map(Profile::getExternalId).toList();
        List<String> third = browser.page(byCountry, 4, 2).stream().map(Profile::getExternalId).toList();

        assertThat(first).containsExactly("ck_a", "ck_c");
        assertThat(second).containsExactly("ck_e", "ck_d");
        assertThat(third).containsExactly("ck_b");
    }

    @Test
    void importedFromKeepsOnlyProfilesThatAnImportOfThatFileTouched() {
        ProfileFixtures.recordImport(database, "spring.csv", "2026-03-01T10:00:00Z", five.get(1).getId(), five.get(3).getId());
        ProfileFixtures.recordImport(database, "other.csv", "2026-03-02T10:00:00Z", five.get(0).getId());
        ProfileFixtures.recordUpdate(database, "spring.csv", "2026-03-03T10:00:00Z", five.get(4).getId(), five.get(1).getId());

        ProfileQuery query = ProfileQuery.ALL.withImportedFrom("spring.csv");

        assertThat(externalIds(query)).containsExactly("ck_b", "ck_d", "ck_e");
        assertThat(browser.count(query)).isEqualTo(3);
    }

    @Test
    void detailHoldsCohortsSegmentsAndImportHistory() {
        long ann = five.get(0).getId();
        ProfileFixtures.recordImport(database, "first.csv", "2026-03-01T10:00:00Z", ann);
        ProfileFixtures.recordUpdate(database, "second.csv", "2026-03-05T10:00:00Z", ann);
        ProfileFixtures.assignCohort(database, ann, "Explorers", 0.87, "m-2026-01");
        ProfileFixtures.segment(database, "Travellers", ann);

        ProfileDetail detail = browser.detail(ann).orElseThrow();

        assertThat(detail.profile().getEmail()).isEqualTo("ann.lee@example.org");
        assertThat(detail.profile().getInterests()).containsExactly("travel", "food");
        assertThat(detail.profile().getAttributes()).containsEntry("tier", "gold");
        assertThat(detail.cohorts()).containsExactly(new ProfileDetail.CohortAssignment("Explorers", 0.87, "m-2026-01", "model", "2026-01-02T00:00:00Z"));
        assertThat(detail.segments()).containsExactly("Travellers");
        assertThat(detail.imports()).extracting(ProfileDetail.ImportEvent::fileName, ProfileDetail.ImportEvent::action)
                .containsExactly(tuple("second.csv", "updated"), tuple("first.csv", "inserted"));
    }

    @Test
    void detailOfAMissingProfileIsEmpty() {
        assertThat(browser.detail(999)).isEmpty();
    }

    @Test
    void choicesOfferTheStoresCountriesGendersAndImportFiles() {
        ProfileFixtures.recordImport(database, "spring.csv", "2026-03-01T10:00:00Z", five.get(1).getId());

        ProfileBrowser.FilterChoices choices = browser.choices();

        assertThat(choices.countries()).containsExactly("Canada", "India", "United States");
        assertThat(choices.genders()).containsExactly("Female", "Male");
        assertThat(choices.importFiles()).containsExactly("spring.csv");
    }

    @Test
    void refusesAPageLargerThanTheLimit() {
        assertThatThrownBy(() -> browser.page(ProfileQuery.ALL, 0, ProfileBrowser.MAX_PAGE_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10000");
    }

    @Test
    void unknownSortFieldIsRejectedWithTheFieldName() {
        assertThatThrownBy(() -> ProfileSort.parse("shoeSize"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shoeSize");
    }
}

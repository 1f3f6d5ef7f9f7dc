package org.cdpdesktop.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileFixtures;
import org.cdpdesktop.core.store.ProfileStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardServiceTest {

    @TempDir
    Path folder;

    private Database database;
    private DashboardService dashboard;

    @BeforeEach
    void openStore() {
        database = Database.open(folder.resolve("cdp.db"));
        dashboard = new DashboardService(database);
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    @Test
    void emptyStoreHasZeroCountsAndNoModel() {
        Dashboard figures = dashboard.dashboard(Dashboard.Period.MONTH);

        assertThat(figures.totalProfiles()).isZero();
        assertThat(figures.newProfiles()).isEmpty();
        assertThat(figures.model()).isNull();
        assertThat(figures.ages()).allSatisfy(band -> assertThat(band.count()).isZero());
    }

    @Test
    void countsProfilesByCountryInterestAgeBandCohortAndSegment() {
        List<Profile> five = ProfileFixtures.saveFive(new ProfileStore(database));
        ProfileFixtures.assignCohort(database, five.get(0).getId(), "Explorers", 0.9, "m1");
        ProfileFixtures.assignCohort(database, five.get(2).getId(), "Explorers", 0.8, "m1");
        ProfileFixtures.segment(database, "Canadians", five.get(0).getId(), five.get(2).getId(), five.get(4).getId());
        ProfileFixtures.recordImport(database, "customers.csv", "2026-03-01T10:00:00Z", five.get(0).getId());

        Dashboard figures = dashboard.dashboard(Dashboard.Period.MONTH);

        assertThat(figures.totalProfiles()).isEqualTo(5);
        assertThat(figures.countries()).startsWith(new Dashboard.Count("Canada", 3));
        assertThat(figures.topInterests()).startsWith(new Dashboard.Count("travel", 3));
        assertThat(figures.cohorts()).containsExactly(new Dashboard.Count("Explorers", 2));
        assertThat(figures.segments()).startsWith(new Dashboard.Count("Canadians", 3));
        assertThat(figures.ages()).contains(new Dashboard.AgeBand("25–34", 25, 34, 3), new Dashboard.AgeBand("55–64", 55, 64, 1));
        assertThat(figures.newProfiles()).extracting(Dashboard.Bucket::count).containsExactly(5L);
        assertThat(figures.recentImports()).extracting(Stats.LastImport::fileName).containsExactly("customers.csv");
    }

    @Test
    void newProfilesAreCountedPerDayWeekOrMonth() {
        ProfileStore store = new ProfileStore(database);
        for (String createdAt : List.of("2026-01-05T09:00:00Z", "2026-01-05T18:00:00Z", "2026-01-20T10:00:00Z", "2026-02-02T10:00:00Z")) {
            Profile profile = ProfileFixtures.profile("ck_" + createdAt, null, null, null, null, null, null, null, List.of());
            profile.setCreatedAt(createdAt);
            store.save(profile);
        }

        List<Dashboard.Bucket> days = dashboard.dashboard(Dashboard.Period.DAY).newProfiles();
        assertThat(days).hasSize(29).startsWith(bucket("2026-01-05", "2026-01-05", "2026-01-05", 2)).endsWith(bucket("2026-02-02", "2026-02-02", "2026-02-02", 1));
        assertThat(days).filteredOn(day -> day.count() > 0).extracting(Dashboard.Bucket::label).containsExactly("2026-01-05", "2026-01-20", "2026-02-02");
        assertThat(dashboard.dashboard(Dashboard.Period.MONTH).newProfiles()).containsExactly(
                bucket("2026-01", "2026-01-01", "2026-01-31", 3), bucket("2026-02", "2026-02-01", "2026-02-28", 1));
        assertThat(dashboard.dashboard(Dashboard.Period.WEEK).newProfiles()).containsExactly(
                bucket("2026-W02", "2026-01-05", "2026-01-11", 2), bucket("2026-W03", "2026-01-12", "2026-01-18", 0),
                bucket("2026-W04", "2026-01-19", "2026-01-25", 1), bucket("2026-W05", "2026-01-26", "2026-02-01", 0),
                bucket("2026-W06", "2026-02-02", "2026-02-08", 1));
    }

    @Test
    void signUpsAreChartedByTheProfilesOwnSignupDateNotByWhenTheyWereImported() {
        ProfileStore store = new ProfileStore(database);
        LocalDate firstMonth = LocalDate.of(2024, 1, 15);
        for (int month = 0; month < 13; month++) {
            Profile profile = ProfileFixtures.profile("ck_" + month, null, null, null, null, null, null, null, List.of());
            profile.setSignupDate(firstMonth.plusMonths(month) + "T09:20:18");
            profile.setCreatedAt("2026-03-01T10:00:00Z");
            store.save(profile);
        }
        Profile withoutSignup = ProfileFixtures.profile("ck_none", null, null, null, null, null, null, null, List.of());
        withoutSignup.setCreatedAt("2025-01-03T10:00:00Z");
        store.save(withoutSignup);

        List<Dashboard.Bucket> months = dashboard.dashboard(Dashboard.Period.MONTH).newProfiles();

        assertThat(months).hasSize(13).first().isEqualTo(bucket("2024-01", "2024-01-01", "2024-01-31", 1));
        assertThat(months).last().isEqualTo(bucket("2025-01", "2025-01-01", "2025-01-31", 2));
        assertThat(months).extracting(Dashboard.Bucket::count).containsOnly(1L, 2L);
    }

    private static Dashboard.Bucket bucket(String label, String from, String to, long count) {
        return new Dashboard.Bucket(label, from, to, count);
    }
}

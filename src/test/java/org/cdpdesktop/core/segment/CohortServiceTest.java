package org.cdpdesktop.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileFixtures;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.FieldValues;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.stats.Dashboard;
import org.cdpdesktop.core.stats.DashboardService;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.store.ProfileStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortServiceTest {

    @TempDir
    Path folder;

    private Database database;
    private CohortService cohorts;
    private List<Profile> five;

    @BeforeEach
    void openStore() {
        database = Database.open(folder.resolve("cdp.db"));
        cohorts = new CohortService(database);
        five = ProfileFixtures.saveFive(new ProfileStore(database));
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    @Test
    void profileWithTheSameCohortImportedAndPredictedCountsOnce() {
        ProfileFixtures.assignCohort(database, five.get(0).getId(), "Explorers", null, null);
        ProfileFixtures.assignCohort(database, five.get(0).getId(), "Explorers", 0.9, "m1");
        ProfileFixtures.assignCohort(database, five.get(1).getId(), "Explorers", 0.8, "m1");
        ProfileFixtures.assignCohort(database, five.get(2).getId(), "Homebodies", null, null);

        assertThat(cohorts.cohorts()).containsExactly(new CohortSize("Explorers", 2), new CohortSize("Homebodies", 1));
        assertThat(cohorts.members("Explorers", 10, 0)).extracting(Profile::getId)
                .containsExactly(five.get(0).getId(), five.get(1).getId());
        assertThat(cohorts.members("Explorers", 10, 0).get(0).getCohorts()).containsExactly("Explorers");
    }

    @Test
    void cohortNamesDifferingOnlyInCaseAreOneCohort() {
        ProfileFixtures.assignCohort(database, five.get(0).getId(), "Explorers", null, null);
        ProfileFixtures.assignCohort(database, five.get(1).getId(), "explorers", 0.7, "m1");

        assertThat(cohorts.cohorts()).containsExactly(new CohortSize("Explorers", 2));
    }

    @Test
    void everyCohortListLeavesOutLookalikeMembersWhichStayTheirSegments() {
        ProfileFixtures.assignCohort(database, five.get(0).getId(), "Explorers", null, null);
        ProfileFixtures.assignCohort(database, five.get(1).getId(), "Explorers", 0.8, "m1");
        database.write(connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO profile_cohort(profile_id, cohort, confidence, model_version,"
                    + " source, assigned_at) VALUES (?, 'lookalike: Like explorers', 0.7, 'lookalike-1', ?, '2026-01-02T00:00:00Z')")) {
                for (int i = 2; i < 5; i++) {
                    insert.setLong(1, five.get(i).getId());
                    insert.setString(2, Lookalikes.SOURCE);
                    insert.executeUpdate();
                }
            }
            return null;
        });

        assertThat(cohorts.cohorts()).containsExactly(new CohortSize("Explorers", 2));
        assertThat(cohorts.members("lookalike: Like explorers", 10, 0)).isEmpty();
        assertThat(cohorts.predictedCount()).isEqualTo(1);
        assertThat(new DashboardService(database).dashboard(Dashboard.Period.MONTH).cohorts())
                .containsExactly(new Dashboard.Count("Explorers", 2));
        assertThat(new FieldValues(database).suggestions(FieldRef.cohort(), 10)).containsExactly("Explorers");
        try (ProfileBrowser browser = new ProfileBrowser(database)) {
            assertThat(browser.choices().cohorts()).containsExactly("Explorers");
        }
        assertThat(new SegmentService(database).count(RuleParser.parse("cohort = \"lookalike: Like explorers\""))).isEqualTo(3);
    }
}

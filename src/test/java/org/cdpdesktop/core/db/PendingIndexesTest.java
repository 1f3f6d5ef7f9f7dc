package org.cdpdesktop.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.jobs.JobProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingIndexesTest {

    private static final String CITY = "CREATE INDEX profile_city_nocase ON profile(city COLLATE NOCASE)";
    private static final String COUNTRY_AGE = "CREATE INDEX profile_country_age_nocase ON profile(country COLLATE NOCASE, age)";

    @TempDir
    Path folder;
    private Database database;
    private PendingIndexes pending;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("cdp.db"));
        pending = new PendingIndexes(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static JobContext context(List<JobProgress> seen, AtomicBoolean cancelled) {
        return JobContext.create("Build", seen::add, cancelled);
    }

    @Test
    void theBuildCreatesEachPendingIndexAndStrikesItOffTellingWhichColumnsItIndexes() throws Exception {
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO profile(external_id, city, country, age, created_at, updated_at)"
                        + " VALUES ('a', 'Austin', 'US', 30, 'now', 'now'), ('b', 'Berlin', 'DE', 41, 'now', 'now')");
            }
            return null;
        });
        PendingIndexFixtures.leavePending(database, "profile_city_nocase", "profile_country_age_nocase");
        assertThat(pending.names()).containsExactly("profile_city_nocase", "profile_country_age_nocase");
        assertThat(PendingIndexFixtures.indexExists(database, "profile_city_nocase")).isFalse();

        List<JobProgress> seen = new ArrayList<>();
        int built = pending.buildJob().run(context(seen, new AtomicBoolean()));

        assertThat(built).isEqualTo(2);
        assertThat(pending.names()).isEmpty();
        assertThat(PendingIndexFixtures.indexExists(database, "profile_city_nocase")).isTrue();
        assertThat(PendingIndexFixtures.indexExists(database, "profile_country_age_nocase")).isTrue();
        assertThat(seen).extracting(JobProgress::message).contains("Indexing city (1 of 2)", "Indexing country, age (2 of 2)");
        assertThat(seen.get(seen.size() - 1).fraction()).isEqualTo(1.0);
        assertThat(seen.get(seen.size() - 1).total()).isEqualTo(4);
    }

    @Test
    void aBuildCancelledDuringOneIndexFinishesThatOneAndLeavesTheRestPendingForTheNextBuild() throws Exception {
        PendingIndexFixtures.leavePending(database, "profile_city_nocase", "profile_country_age_nocase");
        AtomicBoolean cancelled = new AtomicBoolean();
        JobContext cancelDuringFirst = JobContext.create("Build", progress -> {
            if (progress.message().contains("(1 of 2)")) {
                cancelled.set(true);
            }
        }, cancelled);

        assertThatThrownBy(() -> pending.buildJob().run(cancelDuringFirst)).isInstanceOf(JobCancelledException.class);
        assertThat(pending.names()).containsExactly("profile_country_age_nocase");
        assertThat(PendingIndexFixtures.indexExists(database, "profile_city_nocase")).isTrue();
        assertThat(PendingIndexFixtures.indexExists(database, "profile_country_age_nocase")).isFalse();

        assertThat(pending.buildJob().run(context(new ArrayList<>(), new AtomicBoolean()))).isEqualTo(1);
        assertThat(PendingIndexFixtures.indexExists(database, "profile_country_age_nocase")).isTrue();
        assertThat(pending.names()).isEmpty();
    }

    @Test
    void anIndexThatAlreadyExistsIsStruckOffWithoutBuildingItAgain() throws Exception {
        database.write(connection -> {
            PendingIndexes.defer(connection, "profile_city_nocase", CITY);
            return null;
        });

        assertThat(pending.buildJob().run(context(new ArrayList<>(), new AtomicBoolean()))).isEqualTo(1);
        assertThat(pending.names()).isEmpty();
        assertThat(PendingIndexFixtures.indexExists(database, "profile_city_nocase")).isTrue();
    }

    @Test
    void onlyIndexDefinitionsAreRecordedAndOnlyIndexDefinitionsAreRun() {
        assertThatThrownBy(() -> database.write(connection -> {
            PendingIndexes.defer(connection, "x", "DROP TABLE profile");
            return null;
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not an index definition");
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO pending_index(name, sql) VALUES ('x', 'DELETE FROM profile')");
            }
            return null;
        });

        assertThatThrownBy(() -> pending.buildJob().run(context(new ArrayList<>(), new AtomicBoolean())))
                .isInstanceOf(StoreException.class).hasMessageContaining("DELETE FROM profile");
        assertThat(pending.names()).containsExactly("x");
    }

    @Test
    void columnsReadAsAPersonWouldSayThem() {
        assertThat(PendingIndexes.columns(COUNTRY_AGE)).isEqualTo("country, age");
        assertThat(PendingIndexes.columns("CREATE INDEX profile_created_without_signup ON profile(created_at) WHERE signup_date IS NULL"))
                .isEqualTo("created at");
    }
}

package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.db.PendingIndexes;
import org.cdpdesktop.core.db.StoreException;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeferredIndexesTest {

    private static final String PROFILE_INDEXES = "SELECT count(*) FROM sqlite_master WHERE tbl_name = 'profile' AND type = 'index'"
            + " AND sql IS NOT NULL";
    private static final String INTEREST_TRIGGERS = "SELECT count(*) FROM sqlite_master WHERE name IN ('profile_interest_insert',"
            + " 'profile_interest_update')";

    @TempDir
    Path folder;
    private ImportFixture store;
    private long indexes;
    private long uniqueIndexes;

    @BeforeEach
    void open() {
        store = new ImportFixture(folder);
        indexes = store.count(PROFILE_INDEXES);
        uniqueIndexes = store.count(PROFILE_INDEXES + " AND sql LIKE 'CREATE UNIQUE%'");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static void insert(Connection connection, long id, String externalId, String interests) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO profile(id, external_id, interests, created_at, updated_at) VALUES (" + id + ", '"
                    + externalId + "', '" + interests + "', 'now', 'now')");
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void onlyASourceOfAtLeastEightMebibytesAndAHundredBytesAStoredProfileIsWorthDeferring() {
        assertThat(DeferredIndexes.worthDeferring(DeferredIndexes.FROM_BYTES, 0)).isTrue();
        assertThat(DeferredIndexes.worthDeferring(DeferredIndexes.FROM_BYTES - 1, 0)).isFalse();
        assertThat(DeferredIndexes.worthDeferring(100_000_000, 1_000_000)).isTrue();
        assertThat(DeferredIndexes.worthDeferring(100_000_000, 1_000_001)).isFalse();
    }

    @Test
    void restoreRecreatesTheTriggersAndUniqueIndexesWritesTheInterestRowsAndLeavesTheFilterIndexesPending() throws Exception {
        long[] whileDropped = new long[2];
        store.database.write(connection -> {
            insert(connection, 1, "old", "[\"golf\"]");
            DeferredIndexes deferred = new DeferredIndexes(connection, 1);
            deferred.drop(true);
            whileDropped[0] = count(connection, PROFILE_INDEXES);
            whileDropped[1] = count(connection, INTEREST_TRIGGERS);
            insert(connection, 2, "new", "[\"tech\",\"travel\"]");
            assertThat(deferred.indexesDropped()).isTrue();
            deferred.restore();
            return null;
        });

        assertThat(whileDropped).containsExactly(0, 0);
        assertThat(store.count(PROFILE_INDEXES + " AND sql LIKE 'CREATE UNIQUE%'")).isEqualTo(uniqueIndexes).isPositive();
        assertThat(store.count("SELECT count(*) FROM pending_index")).isEqualTo(indexes - uniqueIndexes).isPositive();
        assertThat(store.count(INTEREST_TRIGGERS)).isEqualTo(2);
        assertThat(store.count("SELECT count(*) FROM profile_interest WHERE profile_id = 2")).isEqualTo(2);
        assertThat(store.count("SELECT count(*) FROM profile_interest WHERE profile_id = 1")).isEqualTo(1);

        int built = new PendingIndexes(store.database).buildJob().run(JobContext.create("Build", JobListener.NONE, new AtomicBoolean()));
        assertThat(built).isEqualTo(indexes - uniqueIndexes);
        assertThat(store.count(PROFILE_INDEXES)).isEqualTo(indexes);
        assertThat(store.count("SELECT count(*) FROM pending_index")).isZero();
    }

    @Test
    void aStoredProfileUpdatedMeanwhileGetsTheRowsOfTheInterestsItGainedAndKeepsItsOthers() {
        store.database.write(connection -> {
            insert(connection, 1, "stored", "[\"golf\"]");
            DeferredIndexes deferred = new DeferredIndexes(connection, 1);
            deferred.drop(true);
            Draft updated = new Draft();
            updated.id = 1;
            updated.interests.add("golf");
            updated.storedInterests = 1;
            updated.interests.add("tech");
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE profile SET interests = '[\"golf\",\"tech\"]' WHERE id = 1");
            }
            deferred.interestsAdded(List.of(updated));
            deferred.restore();
            return null;
        });

        assertThat(store.count("SELECT count(*) FROM profile_interest WHERE profile_id = 1 AND interest IN ('golf', 'tech')"))
                .isEqualTo(2);
        assertThat(store.count("SELECT count(*) FROM profile_interest")).isEqualTo(2);
    }

    @Test
    void rebuildingTheUniqueIndexRefusesAnIdentityStoredTwiceAndTheTransactionRollsBack() {
        assertThatThrownBy(() -> store.database.write(connection -> {
            DeferredIndexes deferred = new DeferredIndexes(connection, 0);
            deferred.drop(true);
            insert(connection, 1, "same", "[]");
            insert(connection, 2, "same", "[]");
            deferred.restore();
            return null;
        })).isInstanceOf(StoreException.class);

        assertThat(store.count(PROFILE_INDEXES)).isEqualTo(indexes);
        assertThat(store.count("SELECT count(*) FROM pending_index")).isZero();
        assertThat(store.profiles.count()).isZero();
    }
}

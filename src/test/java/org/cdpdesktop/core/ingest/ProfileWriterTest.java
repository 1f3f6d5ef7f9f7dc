package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdpdesktop.core.ingest.CleanRows.row;
import static org.cdpdesktop.core.ingest.CleanRows.runningBatch;

import java.nio.file.Path;
import java.util.List;
import org.cdpdesktop.core.profile.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileWriterTest {

    private static final String NOW = "2026-11-30T10:05:00Z";

    @TempDir
    Path folder;
    private ImportFixture store;

    @BeforeEach
    void seed() throws Exception {
        store = new ImportFixture(folder);
        store.importFile(store.csv("seed.csv", "id,email,city,cohort\nA,a@x.com,Oslo,\nB,b@x.com,Rome,VIP\n"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Resolves the rows as one chunk of a new import and writes them; returns the batch id. */
    private long write(List<CleanRow> rows) {
        return store.database.write(connection -> {
            long batch = runningBatch(connection);
            IdentityResolver resolver = new IdentityResolver(connection, DuplicatePolicy.NEWEST, batch);
            resolver.prepare(true, ImportRun.KEY_INDEX_LIMIT);
            new ProfileWriter(connection, batch, NOW).write(resolver.resolve(rows));
            return batch;
        });
    }

    @Test
    void insertsNewProfilesUnderTheBatchWithTheirInterestsAndCohorts() {
        long batch = write(List.of(row(2, "C", "c@x.com", "Lima", List.of("tech", "travel"), List.of("Gold"))));

        Profile created = store.profile("C");
        assertThat(created.getCity()).isEqualTo("Lima");
        assertThat(created.getInterests()).containsExactly("tech", "travel");
        assertThat(created.getCreatedAt()).isEqualTo(CleanRows.BATCH_STARTED);
        assertThat(store.count("SELECT count(*) FROM profile WHERE external_id = 'C' AND import_batch_id = " + batch)).isEqualTo(1);
        assertThat(store.count("SELECT count(*) FROM profile_interest WHERE profile_id = " + created.getId())).isEqualTo(2);
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE cohort = 'Gold' AND profile_id = " + created.getId())).isEqualTo(1);
    }

    @Test
    void updatesAStoredProfileAndRecordsThatThisBatchUpdatedIt() {
        long batch = write(List.of(row(2, "A", null, "Bergen")));

        Profile updated = store.profile("A");
        assertThat(updated.getCity()).isEqualTo("Bergen");
        assertThat(updated.getUpdatedAt()).isEqualTo(NOW);
        assertThat(store.count("SELECT count(*) FROM profile_import WHERE action = 'updated' AND batch_id = " + batch
                + " AND profile_id = " + updated.getId())).isEqualTo(1);
    }

    @Test
    void aProfileMergedAwayIsDeletedAndItsCohortsMoveToTheSurvivor() {
        write(List.of(row(2, "A", "b@x.com", null)));

        assertThat(store.profiles.count()).isEqualTo(1);
        Profile survivor = store.profile("A");
        assertThat(survivor.getEmail()).isEqualTo("b@x.com");
        assertThat(survivor.getAttributes()).containsEntry(Draft.OTHER_EXTERNAL_IDS, "B");
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE cohort = 'VIP' AND profile_id = " + survivor.getId()))
                .isEqualTo(1);
    }
}

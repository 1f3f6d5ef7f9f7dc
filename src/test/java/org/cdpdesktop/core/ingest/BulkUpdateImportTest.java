package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.db.PendingIndexes;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second file that updates half of a store's profiles and adds as many, large enough for the bulk path (indexes
 * dropped, rebuilt at the end), must store exactly what the row-by-row path stores: the reference store imports the
 * same files looking every key up in the store, with its indexes in place. Both suspend the interest triggers, so both
 * must end with the interest rows the triggers would have written: those of each profile's interests.
 */
class BulkUpdateImportTest {

    private static final int ROWS = 3_000;
    /** A wide custom column makes a file of a few thousand rows outgrow {@link DeferredIndexes#FROM_BYTES}. */
    private static final String NOTE = "n".repeat(3_000);
    private static final String[] INTERESTS = {"golf", "tech", "travel", "music", "food"};
    private static final String PROFILES = "SELECT id, external_id, email, phone, first_name, last_name, age, gender, city, state,"
            + " country, postal_code, income, education, interests, bio, signup_date, attributes, import_batch_id FROM profile ORDER BY id";
    private static final String INTEREST_ROWS = "SELECT profile_id, interest FROM profile_interest ORDER BY 1, 2";
    private static final String INTERESTS_OF_PROFILES = "SELECT p.id, j.value FROM profile p, json_each(p.interests) j ORDER BY 1, 2";
    private static final String COHORTS = "SELECT profile_id, cohort, source FROM profile_cohort ORDER BY 1, 2, 3";
    private static final String IMPORTED = "SELECT profile_id, batch_id, action FROM profile_import ORDER BY 1, 2";
    private static final String HISTORY = "SELECT id, status, read_count, inserted, updated, duplicates, rejected FROM import_batch"
            + " ORDER BY id";
    private static final String SCHEMA = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";

    @TempDir
    Path folder;
    private ImportFixture bulk;
    private ImportFixture reference;
    private Path first;
    private Path second;

    @BeforeEach
    void open() throws Exception {
        bulk = new ImportFixture(Files.createDirectories(folder.resolve("bulk")));
        reference = new ImportFixture(Files.createDirectories(folder.resolve("reference")), 0);
        first = bulk.csv("first.csv", firstFile());
        second = bulk.csv("second.csv", secondFile());
    }

    @AfterEach
    void close() {
        bulk.close();
        reference.close();
    }

    /** Customers 0 to 2,999, each with some interests, every seventh in a cohort. */
    private static String firstFile() {
        StringBuilder text = new StringBuilder("id,email,city,age,interests,cohort,note\n");
        for (int i = 0; i < ROWS; i++) {
            text.append("c").append(i).append(",e").append(i).append("@x.org,Oslo,").append(20 + i % 50).append(',')
                    .append(INTERESTS[i % 5]).append('|').append(INTERESTS[(i + 1) % 5]).append(',')
                    .append(i % 7 == 0 ? "VIP" : "").append(',').append(NOTE).append(i % 2).append('\n');
        }
        return text.toString();
    }

    /**
     * Customers 1,500 to 4,499: the stored half come back with the same interests, one more interest or none, some
     * exactly as stored, some with another city or note; two rows prove two stored profiles are one customer, and
     * some rows repeat within the file.
     */
    private static String secondFile() {
        StringBuilder text = new StringBuilder("id,email,city,age,interests,cohort,note\n");
        for (int i = ROWS / 2; i < ROWS * 3 / 2; i++) {
            boolean unchanged = i % 10 == 0;
            String interests = unchanged || i % 3 == 0 ? INTERESTS[i % 5] + "|" + INTERESTS[(i + 1) % 5]
                    : i % 3 == 1 ? INTERESTS[(i + 3) % 5] : "";
            text.append("c").append(i).append(",e").append(i).append("@x.org,").append(unchanged || i % 4 == 0 ? "Oslo" : "Bergen")
                    .append(',').append(20 + i % 50).append(',').append(interests).append(',')
                    .append(i % 11 == 0 ? "Loyal" : i % 7 == 0 ? "VIP" : "").append(',').append(NOTE).append(unchanged ? i % 2 : 2)
                    .append('\n');
        }
        text.append("c1600,e1700@x.org,Oslo,30,food,,").append(NOTE).append("3\n");
        text.append("c3100,e1800@x.org,Tromsø,31,golf,,").append(NOTE).append("3\n");
        text.append("c1501,e1501@x.org,Bergen,44,tech|golf,,").append(NOTE).append("4\n");
        text.append("c3001,e3001@x.org,Bergen,45,music,,").append(NOTE).append("4\n");
        return text.toString();
    }

    private static List<List<Object>> rows(ImportFixture store, String sql) {
        return store.database.read(connection -> {
            List<List<Object>> rows = new ArrayList<>();
            try (var statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    /** Compares the stores as they stand once the filter indexes a bulk load leaves for after its commit are built. */
    private void assertSameStore() throws Exception {
        for (ImportFixture store : List.of(bulk, reference)) {
            new PendingIndexes(store.database).buildJob().run(JobContext.create("Build", JobListener.NONE, new AtomicBoolean()));
        }
        for (String sql : List.of(PROFILES, INTEREST_ROWS, COHORTS, IMPORTED, HISTORY, SCHEMA)) {
            assertThat(rows(bulk, sql)).as(sql).isEqualTo(rows(reference, sql));
        }
        for (ImportFixture store : List.of(bulk, reference)) {
            assertThat(rows(store, INTEREST_ROWS)).isEqualTo(rows(store, INTERESTS_OF_PROFILES));
        }
    }

    @Test
    void aSecondFileOfUpdatesStoresExactlyWhatTheRowByRowPathStores() throws Exception {
        bulk.importFile(first);
        reference.importFile(reference.csv("first.csv", Files.readString(first)));
        assertThat(DeferredIndexes.worthDeferring(Files.size(second), bulk.profiles.count())).as("the second file takes the bulk path")
                .isTrue();

        ImportSummary bulkSummary = bulk.importFile(second);
        ImportSummary referenceSummary = reference.importFile(reference.csv("second.csv", Files.readString(second)));

        assertThat(bulkSummary.read()).isEqualTo(ROWS + 4);
        assertThat(List.of(bulkSummary.inserted(), bulkSummary.updated(), bulkSummary.duplicates(), bulkSummary.rejected()))
                .isEqualTo(List.of(referenceSummary.inserted(), referenceSummary.updated(), referenceSummary.duplicates(),
                        referenceSummary.rejected()))
                .isEqualTo(List.of((long) ROWS / 2, (long) ROWS / 2, 4L, 0L));
        assertSameStore();
        assertThat(bulk.profile("c1600").getAttributes()).containsEntry("other_external_ids", "c1700");
        assertThat(bulk.count("SELECT count(*) FROM profile_interest WHERE profile_id = " + bulk.profile("c1504").getId()
                + " AND interest = 'travel'")).isEqualTo(1);
    }

    @Test
    void aCancelledSecondFileLeavesTheStoreAsItWasAndTheNextImportStoresTheSame() throws Exception {
        bulk.importFile(first);
        reference.importFile(reference.csv("first.csv", Files.readString(first)));
        List<List<List<Object>>> before = new ArrayList<>();
        for (String sql : List.of(PROFILES, INTEREST_ROWS, COHORTS, IMPORTED, SCHEMA)) {
            before.add(rows(bulk, sql));
        }

        AtomicBoolean cancelled = new AtomicBoolean();
        JobContext cancelAfterTheFirstChunk = JobContext.create("test", progress -> cancelled.set(progress.done() > 0), cancelled);
        assertThatThrownBy(() -> bulk.importer.importJob(second, bulk.options(second, DuplicatePolicy.NEWEST, false))
                .run(cancelAfterTheFirstChunk)).isInstanceOf(JobCancelledException.class);

        List<List<List<Object>>> after = new ArrayList<>();
        for (String sql : List.of(PROFILES, INTEREST_ROWS, COHORTS, IMPORTED, SCHEMA)) {
            after.add(rows(bulk, sql));
        }
        assertThat(after).isEqualTo(before);
        reference.importFile(reference.csv("cancelled.csv", "id\n"));
        bulk.importFile(second);
        reference.importFile(reference.csv("second.csv", Files.readString(second)));
        assertThat(rows(bulk, HISTORY)).extracting(row -> row.get(1)).containsExactly("completed", "cancelled", "completed");
        for (String sql : List.of(PROFILES, INTEREST_ROWS, COHORTS, SCHEMA)) {
            assertThat(rows(bulk, sql)).as(sql).isEqualTo(rows(reference, sql));
        }
        for (ImportFixture store : List.of(bulk, reference)) {
            assertThat(rows(store, INTEREST_ROWS)).isEqualTo(rows(store, INTERESTS_OF_PROFILES));
        }
    }
}

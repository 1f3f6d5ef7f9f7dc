package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records from memory (REST, Kafka) go through the same pipeline as a CSV file. */
class RecordIngestTest {

    @TempDir
    Path folder;

    private static ImportSummary ingest(ImportFixture fixture, RecordBatch batch) {
        ImportOptions options = new ImportOptions(null, ColumnMapping.auto(batch.headers()), DuplicatePolicy.NEWEST, false, null);
        ImportSummary summary = fixture.importer.ingest(batch, options, JobContext.create("test", JobListener.NONE, new AtomicBoolean()));
        assertThat(summary.read()).isEqualTo(summary.inserted() + summary.updated() + summary.duplicates() + summary.rejected());
        return summary;
    }

    @Test
    void recordsAreCleanedAndResolvedLikeCsvRows() {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            RecordBatch batch = RecordBatch.of("request", "rest", List.of(
                    Map.of("cookie", "c-1", "email", "Ann@Example.COM", "country", "USA", "zip", "07302"),
                    Map.of("cookie", "c-2", "email", "bob@example.com", "age", "abc")));

            ImportSummary summary = ingest(fixture, batch);

            assertThat(summary.inserted()).isEqualTo(2);
            assertThat(fixture.profile("c-1").getEmail()).isEqualTo("ann@example.com");
            assertThat(fixture.profile("c-1").getCountry()).isEqualTo("United States");
            assertThat(fixture.profile("c-1").getPostalCode()).isEqualTo("07302");
            assertThat(fixture.profile("c-2").getAttributes()).containsEntry("invalid_age", "abc");
            assertThat(fixture.count("SELECT count(*) FROM import_batch WHERE source = 'rest' AND file_name = 'request'")).isEqualTo(1);
        }
    }

    @Test
    void aBatchIntoAnEmptyStoreStoresWhatStoreLookUpsWouldAcrossChunks() {
        List<Map<String, String>> records = new java.util.ArrayList<>();
        for (int i = 0; i < ImportRun.CHUNK_ROWS + 10; i++) {
            records.add(Map.of("cookie", "c-" + i, "email", "p" + i + "@example.com", "city", "City " + i));
        }
        records.add(Map.of("cookie", "c-1", "city", "Later"));
        records.add(Map.of("cookie", "c-2", "email", "p3@example.com"));
        List<String> stored = new java.util.ArrayList<>();
        List<String> counts = new java.util.ArrayList<>();
        for (long keyIndexLimit : new long[] {ImportRun.KEY_INDEX_LIMIT, -1}) {
            try (ImportFixture fixture = new ImportFixture(folder.resolve("limit" + keyIndexLimit), keyIndexLimit)) {
                ImportSummary summary = ingest(fixture, RecordBatch.of("request", "rest", records));
                counts.add(summary.inserted() + "/" + summary.updated() + "/" + summary.duplicates());
                stored.add(fixture.profiles.count() + " " + fixture.profile("c-1").getCity() + " " + fixture.profile("c-2").getAttributes());
            }
        }

        assertThat(counts.get(0)).isEqualTo("2010/0/2").isEqualTo(counts.get(1));
        assertThat(stored.get(0)).isEqualTo(stored.get(1)).startsWith("2009 Later");
    }

    @Test
    void theSameRecordTwiceChangesNothingTheSecondTime() {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Map<String, String> record = Map.of("cookie", "c-1", "email", "ann@example.com", "interests", "tech|travel");
            ingest(fixture, RecordBatch.of("first", "kafka", List.of(record)));
            String updatedAt = fixture.profile("c-1").getUpdatedAt();

            ImportSummary again = ingest(fixture, RecordBatch.of("second", "kafka", List.of(record)));

            assertThat(again.inserted()).isZero();
            assertThat(again.updated()).isEqualTo(1);
            assertThat(fixture.profiles.count()).isEqualTo(1);
            assertThat(fixture.profile("c-1").getInterests()).containsExactly("tech", "travel");
            assertThat(fixture.profile("c-1").getUpdatedAt()).isEqualTo(updatedAt);
        }
    }

    @Test
    void aRecordWithoutIdentityIsRejectedWithItsPositionAndReason() {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            RecordBatch batch = RecordBatch.ofEntries("topic", "kafka", List.of(
                    new RecordBatch.Entry(41, Map.of("cookie", "c-1", "email", "ann@example.com")),
                    new RecordBatch.Entry(42, Map.of("cookie", "", "email", "not-an-email", "city", "Austin"))));

            ImportSummary summary = ingest(fixture, batch);

            assertThat(summary.inserted()).isEqualTo(1);
            assertThat(summary.rejected()).isEqualTo(1);
            assertThat(batch.rejections()).singleElement().satisfies(rejection -> {
                assertThat(rejection.position()).isEqualTo(42);
                assertThat(rejection.reason()).contains("no identity").contains("not-an-email");
            });
            assertThat(summary.rejectsFile()).isNotNull();
        }
    }

    @Test
    void aSmallBatchIntoALargerStoreFindsExistingProfilesByLookup() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            StringBuilder csv = new StringBuilder("cookie,email\n");
            for (int i = 0; i < 500; i++) {
                csv.append("c-").append(i).append(",p").append(i).append("@example.com\n");
            }
            fixture.importFile(fixture.csv("people.csv", csv.toString()));

            ImportSummary summary = ingest(fixture, RecordBatch.of("one", "rest",
                    List.of(Map.of("email", "P7@EXAMPLE.com", "city", "Lisbon"))));

            assertThat(summary.updated()).isEqualTo(1);
            assertThat(fixture.profiles.count()).isEqualTo(500);
            assertThat(fixture.profile("c-7").getCity()).isEqualTo("Lisbon");
        }
    }

    @Test
    void oneRecordBatchesInARowEachCountAndKeepTheirHistory() {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            long inserted = 0;
            long updated = 0;
            long rejected = 0;
            for (int i = 0; i < 300; i++) {
                Map<String, String> record = switch (i % 3) {
                    case 0 -> Map.of("cookie", "c-" + i, "email", "p" + i + "@example.com", "interests", "tech|travel");
                    case 1 -> Map.of("email", "P" + (i - 1) + "@Example.com", "city", "Lisbon", "age", "41");
                    default -> Map.of("cookie", "", "email", "not-an-email-" + i);
                };
                ImportSummary summary = ingest(fixture, RecordBatch.of("one-" + i, "rest", List.of(record)));
                inserted += summary.inserted();
                updated += summary.updated();
                rejected += summary.rejected();
            }

            assertThat(inserted).isEqualTo(100);
            assertThat(updated).isEqualTo(100);
            assertThat(rejected).isEqualTo(100);
            assertThat(fixture.profiles.count()).isEqualTo(100);
            assertThat(fixture.profile("c-297").getCity()).isEqualTo("Lisbon");
            assertThat(fixture.profile("c-297").getAge()).isEqualTo(41);
            assertThat(fixture.profile("c-297").getInterests()).containsExactly("tech", "travel");
            assertThat(fixture.count("SELECT count(*) FROM import_batch WHERE status = 'completed' AND read_count = 1")).isEqualTo(300);
            assertThat(fixture.count("SELECT count(*) FROM import_batch WHERE rejected = 1 AND rejects_file IS NOT NULL")).isEqualTo(100);
            assertThat(fixture.count("SELECT count(*) FROM profile_import WHERE action = 'updated'")).isEqualTo(100);
        }
    }

    @Test
    void aBatchOfMoreThanOneChunkCountsLikeOneOfOneChunk() {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            List<Map<String, String>> records = new ArrayList<>();
            for (int i = 0; i < ImportRun.CHUNK_ROWS + 1; i++) {
                records.add(Map.of("cookie", "c-" + (i % 2_000), "email", "p" + (i % 2_000) + "@example.com"));
            }

            ImportSummary large = ingest(fixture, RecordBatch.of("large", "kafka", records));
            ImportSummary small = ingest(fixture, RecordBatch.of("small", "kafka", records.subList(0, 2)));

            assertThat(large.inserted()).isEqualTo(2_000);
            assertThat(large.duplicates()).isEqualTo(1);
            assertThat(small.updated()).isEqualTo(2);
            assertThat(fixture.profiles.count()).isEqualTo(2_000);
            assertThat(fixture.count("SELECT count(*) FROM import_batch WHERE status = 'completed'")).isEqualTo(2);
        }
    }

    @Test
    void aBatchThatFailsStoresNothingIsRecordedAsFailedAndTheNextOneImports() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path notAFolder = Files.writeString(folder.resolve("file"), "x");
            RecordBatch failing = RecordBatch.of("failing", "rest", List.of(Map.of("cookie", "c-1", "email", "ann@example.com"),
                    Map.of("cookie", "", "email", "nobody")));
            ImportOptions unwritableRejects = new ImportOptions(null, ColumnMapping.auto(failing.headers()), DuplicatePolicy.NEWEST, false,
                    notAFolder.resolve("rejects.csv"));

            assertThatThrownBy(() -> fixture.importer.ingest(failing, unwritableRejects,
                    JobContext.create("test", JobListener.NONE, new AtomicBoolean()))).isInstanceOf(ImportException.class);
            ImportSummary next = ingest(fixture, RecordBatch.of("next", "rest", List.of(Map.of("cookie", "c-2", "email", "bob@example.com"))));

            assertThat(fixture.profiles.count()).isEqualTo(1);
            assertThat(next.inserted()).isEqualTo(1);
            assertThat(fixture.count("SELECT count(*) FROM import_batch WHERE file_name = 'failing' AND status = 'failed'")).isEqualTo(1);
            assertThat(fixture.count("SELECT count(*) FROM import_batch WHERE file_name = 'failing' AND status = 'completed'")).isZero();
        }
    }
}

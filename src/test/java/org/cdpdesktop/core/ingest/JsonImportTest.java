package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cdpdesktop.core.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON documents and JSON Lines go through the same pipeline as CSV: mapping, cleaning, identity, accounting, rejects. */
class JsonImportTest {

    @TempDir
    Path folder;

    private static ImportSummary importFile(ImportFixture fixture, Path file) throws Exception {
        ImportOptions options = new ImportOptions(null, ColumnMapping.auto(ImportFiles.preview(file, null, null, 0, 0).headers()),
                DuplicatePolicy.NEWEST, false, null);
        return fixture.run(file, options, new AtomicBoolean());
    }

    @Test
    void anArrayOfObjectsImportsNestedObjectsAsDottedAttributesAndListsAsLists() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = fixture.csv("customers.json", """
                    [
                      {"cookie": "c-1", "email": "Ann@Example.com", "age": "34", "income": 125000.0, "zip": "07302",
                       "interests": ["Tech", "gaming"], "loyalty": {"tier": "gold", "points": 1.25E3}, "vip": true, "note": null},
                      {"cookie": "c-2", "email": "bob@example.com", "age": 41, "income": "1.25E5"}
                    ]
                    """);

            ImportSummary summary = importFile(fixture, file);

            assertThat(summary.read()).isEqualTo(2);
            assertThat(summary.inserted()).isEqualTo(2);
            Profile ann = fixture.profile("c-1");
            assertThat(ann.getEmail()).isEqualTo("ann@example.com");
            assertThat(ann.getAge()).isEqualTo(34);
            assertThat(ann.getIncome()).isEqualTo(125000.0);
            assertThat(ann.getPostalCode()).isEqualTo("07302");
            assertThat(ann.getInterests()).containsExactly("tech", "gaming");
            assertThat(ann.getAttributes()).containsEntry("loyalty.tier", "gold").containsEntry("loyalty.points", "1250")
                    .containsEntry("vip", "true").doesNotContainKey("note");
            assertThat(fixture.profile("c-2").getAge()).isEqualTo(41);
            assertThat(fixture.count("SELECT count(*) FROM import_batch WHERE source = 'json'")).isEqualTo(1);
        }
    }

    @Test
    void aSingleObjectIsOneCustomer() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = fixture.csv("one.json", """
                    {
                      "cookie": "gen-9-3",
                      "email": "solo@example.com",
                      "country": "USA"
                    }
                    """);

            ImportSummary summary = importFile(fixture, file);

            assertThat(summary.read()).isEqualTo(1);
            assertThat(fixture.profile("gen-9-3").getCountry()).isEqualTo("United States");
            assertThat(fixture.profiles.count()).isEqualTo(1);
        }
    }

    @Test
    void aJsonDocumentSavedAsCsvIsReadAsJsonAndItsCustomerKept() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = fixture.csv("test.csv", """
                    {
                      "cookie": "c-9",
                      "email": "test@example.com",
                      "city": "Austin",
                      "interests": "[\\"tech\\", \\"gaming\\"]"
                    }
                    """);

            assertThat(ImportFiles.detect(file)).isEqualTo(FileFormat.JSON);
            ImportSummary summary = importFile(fixture, file);

            assertThat(summary.read()).isEqualTo(1);
            assertThat(fixture.profiles.count()).isEqualTo(1);
            assertThat(fixture.profile("c-9").getCity()).isEqualTo("Austin");
            assertThat(fixture.profile("c-9").getInterests()).containsExactly("tech", "gaming");
        }
    }

    @Test
    void jsonLinesRejectABadLineWithItsLineNumberAndImportTheRest() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = fixture.csv("events.jsonl", """
                    {"cookie": "c-1", "email": "ann@example.com"}
                    {"cookie": "c-2", "email": "bob@example.com"

                    ["not", "an", "object"]
                    {"cookie": "c-3", "email": "cy@example.com", "loyalty": {"tier": "silver"}}
                    {"cookie": "c-1", "city": "Boston"}
                    """);

            ImportSummary summary = importFile(fixture, file);

            assertThat(summary.read()).isEqualTo(5);
            assertThat(summary.inserted()).isEqualTo(2);
            assertThat(summary.duplicates()).isEqualTo(1);
            assertThat(summary.rejected()).isEqualTo(2);
            assertThat(fixture.profile("c-1").getCity()).isEqualTo("Boston");
            assertThat(fixture.profile("c-3").getAttributes()).containsEntry("loyalty.tier", "silver");
            List<CSVRecord> rejects = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(Files.newBufferedReader(Path.of(summary.rejectsFile()))).getRecords();
            assertThat(rejects).hasSize(2);
            assertThat(rejects.get(0).get("line")).isEqualTo("2");
            assertThat(rejects.get(0).get("reason")).startsWith("the line is not valid JSON");
            assertThat(rejects.get(0).get("raw")).isEqualTo("{\"cookie\": \"c-2\", \"email\": \"bob@example.com\"");
            assertThat(rejects.get(1).get("line")).isEqualTo("4");
            assertThat(rejects.get(1).get("reason")).isEqualTo("the line is a list, not a JSON object");
            assertThat(fixture.count("SELECT count(*) FROM import_batch WHERE source = 'jsonl'")).isEqualTo(1);
        }
    }

    @Test
    void aRecordTheFlattenerRefusesIsARejectedRowWithItsReasonAndTheRestImport() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = fixture.csv("clash.jsonl", """
                    {"cookie": "c-1", "loyalty.tier": "gold", "loyalty": {"tier": "silver"}}
                    {"cookie": "c-2", "loyalty": {"tier": "gold"}}
                    """);

            ImportSummary summary = importFile(fixture, file);

            assertThat(summary.inserted()).isEqualTo(1);
            assertThat(summary.rejected()).isEqualTo(1);
            assertThat(Files.readString(Path.of(summary.rejectsFile())))
                    .contains("1,the name 'loyalty.tier' appears twice once nested objects are flattened");
            assertThat(fixture.profile("c-2").getAttributes()).containsEntry("loyalty.tier", "gold");
        }
    }

    @Test
    void anArrayItemThatIsNotAnObjectIsARejectedRecord() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = fixture.csv("mixed.json", "[{\"cookie\": \"c-1\"}, 42, {\"cookie\": \"c-2\", \"city\": \"Oslo\"}, {\"note\": \"x\"}]");

            ImportSummary summary = importFile(fixture, file);

            assertThat(summary.read()).isEqualTo(4);
            assertThat(summary.rejected()).isEqualTo(2);
            assertThat(Files.readString(Path.of(summary.rejectsFile())))
                    .contains("2,\"record 2 is a number, not an object\",42")
                    .contains("no identity: the external id is blank");
            assertThat(Files.readString(Path.of(summary.rejectsFile()))).contains("4,no identity");
            assertThat(fixture.profile("c-2").getCity()).isEqualTo("Oslo");
        }
    }

    @Test
    void brokenJsonInADocumentStopsTheImportWithItsLineAndStoresNothing() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = fixture.csv("broken.json", "[\n{\"cookie\": \"c-1\", \"email\": \"ann@example.com\"},\n{\"cookie\": \"c-2\",, }\n]");

            assertThatThrownBy(() -> importFile(fixture, file))
                    .isInstanceOf(ImportException.class)
                    .hasMessageStartingWith("broken.json line 3, column")
                    .hasMessageContaining("not valid JSON");
            assertThat(fixture.profiles.count()).isZero();
        }
    }

    @Test
    void aJsonDocumentHoldingOneValueIsRefused() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = fixture.csv("list.json", "[[1, 2], [3, 4]]");
            Path scalar = fixture.csv("answer.json", "\"hello\"");

            assertThat(importFile(fixture, file).rejected()).isEqualTo(2);
            assertThat(ImportFiles.detect(scalar)).isEqualTo(FileFormat.CSV);
            assertThat(fixture.profiles.count()).isZero();
        }
    }

    @Test
    void aPreviewTakesItsColumnsFromTheFirstRecordsAndTheImportKeepsColumnsMetLater() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            StringBuilder lines = new StringBuilder();
            for (int i = 1; i <= 10_000; i++) {
                lines.append("{\"cookie\": \"c-").append(i).append("\"}\n");
            }
            lines.append("{\"cookie\": \"c-late\", \"referrer\": \"newsletter\"}\n");
            Path file = fixture.csv("many.jsonl", lines.toString());

            assertThat(ImportFiles.preview(file, null, null, 0, 5).headers()).containsExactly("cookie");
            ImportSummary summary = importFile(fixture, file);

            assertThat(summary.inserted()).isEqualTo(10_001);
            assertThat(fixture.profile("c-late").getAttributes()).containsEntry("referrer", "newsletter");
        }
    }

    @Test
    void theSameProfileLandsAlikeFromAJsonDocumentAndFromJsonLines() throws Exception {
        String fromDocument = SameProfile.storedFromJsonFile(folder.resolve("document"));
        try (ImportFixture fixture = new ImportFixture(folder.resolve("lines"))) {
            Path file = fixture.csv("same-profile.jsonl", SameProfile.JSON.replace("\n", " ") + "\n");
            assertThat(ImportFiles.preview(file, null, null, 0, 5).headers()).containsExactlyElementsOf(SameProfile.COLUMNS.keySet());

            importFile(fixture, file);

            Profile ann = fixture.profile("c-42");
            assertThat(SameProfile.stored(ann)).isEqualTo(fromDocument);
            assertThat(ann.getEmail()).isEqualTo("ann@example.com");
            assertThat(ann.getAge()).isEqualTo(34);
            assertThat(ann.getIncome()).isEqualTo(125000.0);
            assertThat(ann.getPostalCode()).isEqualTo("07302");
            assertThat(ann.getInterests()).containsExactly("tech", "travel");
            assertThat(ann.getAttributes()).containsEntry("score", "0.1").containsEntry("ratio", "2.5").containsEntry("vip", "true")
                    .containsEntry("loyalty.points", "1250").containsEntry("loyalty.since.year", "2019")
                    .containsEntry("orders", "[{\"id\":1},{\"id\":2}]").doesNotContainKey("note");
        }
    }
}

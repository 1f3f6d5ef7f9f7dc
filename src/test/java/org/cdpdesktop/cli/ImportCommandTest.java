package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.TestWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private CliRun run(String... args) {
        return CliRun.in(folder.resolve("data"), args);
    }

    private Path csv(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void importPrintsOneJsonSummaryLine() throws Exception {
        Path file = csv("a.csv", "cookie,email,age\nc1,a@x.com,30\nc2,b@x.com,31,extra\nc3,A@X.com,32\n");
        CliRun result = run("import", file.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(1);
        JsonNode summary = result.json();
        assertThat(summary.get("read").asLong()).isEqualTo(3);
        assertThat(summary.get("inserted").asLong()).isEqualTo(1);
        assertThat(summary.get("duplicates").asLong()).isEqualTo(1);
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        assertThat(Path.of(summary.get("rejectsFile").asText())).exists();
        assertThat(summary.get("cleaning").get("email").get("normalised").asLong()).isEqualTo(1);
        assertThat(summary.get("cleaning").get("email").get("invalid").asLong()).isZero();
        assertThat(summary.get("cleaning").get("age").get("invalidAttribute").asText()).isEqualTo("invalid_age");
    }

    @Test
    void importPredictStoresCohortsForTheProfilesTheFileInsertedOrUpdatedAndCountsThem() throws Exception {
        run("import", csv("a.csv", "id,email,interests\nA1,a1@x.com,Cooking|Wine\nA2,a2@x.com,Gaming\n").toString());
        CliRun result = run("import", "--predict", csv("b.csv", "id,email,interests\nA1,a1@x.com,Cooking|Baking\nB1,b1@x.com,Yoga|Running\n").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode prediction = result.json().get("prediction");
        assertThat(prediction.get("model").asText()).startsWith("cohort-");
        assertThat(prediction.get("profiles").asLong()).as("A1 updated and B1 inserted, not A2").isEqualTo(2);
        long perCohort = 0;
        for (JsonNode count : prediction.get("cohorts")) {
            perCohort += count.asLong();
        }
        assertThat(perCohort).isEqualTo(2);
        assertThat(predictedProfiles()).containsExactly("A1", "B1");
    }

    @Test
    void anImportWhoseSegmentUpdateFailsExitsZeroWithTheImportCountedAndAWarning() throws Exception {
        run("import", csv("a.csv", "id,email\nA1,a1@x.com\n").toString());
        try (App app = App.open(folder.resolve("data"))) {
            app.database().write(connection -> connection.createStatement()
                    .executeUpdate("UPDATE segment_snapshot SET members = x'00ff00ff'"));
        }

        CliRun result = run("import", csv("b.csv", "id,email\nB1,b1@x.com\n").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.json().get("inserted").asLong()).isEqualTo(1);
        assertThat(result.json().get("warning").asText()).startsWith("The import is saved, but updating the segments afterwards failed");
        assertThat(result.err()).contains("Warning: The import is saved").doesNotContain("Import failed");
        assertThat(JSON.readTree(run("export").out())).hasSize(2);
    }

    /** The external ids of the profiles with a predicted cohort, sorted. */
    private List<String> predictedProfiles() {
        try (App app = App.open(folder.resolve("data"))) {
            return app.database().read(connection -> {
                List<String> ids = new ArrayList<>();
                try (var statement = connection.prepareStatement("SELECT DISTINCT p.external_id FROM profile_cohort pc"
                        + " JOIN profile p ON p.id = pc.profile_id WHERE pc.source = 'model' ORDER BY 1");
                     var result = statement.executeQuery()) {
                    while (result.next()) {
                        ids.add(result.getString(1));
                    }
                }
                return ids;
            });
        }
    }

    @Test
    void importPredictWithoutAnActiveModelIsRefusedBeforeImporting() throws Exception {
        Path data = folder.resolve("data");
        run("models", "list");
        Files.delete(data.resolve("models").resolve("active"));

        CliRun result = run("import", "--predict", csv("a.csv", "id,email\nA1,a1@x.com\n").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--predict needs an active cohort model");
        assertThat(JSON.readTree(run("export").out())).isEmpty();
    }

    @Test
    void aMappingThatSkipsEveryColumnIsRefusedAndStoresNothing() throws Exception {
        Path file = csv("a.csv", "id,email,city\nc1,a@x.com,Oslo\n");
        CliRun result = run("import", file.toString(), "--map", "id=skip", "--map", "email=skip", "--map", "city=skip");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("error: Every column is skipped, so nothing would be imported");
        assertThat(JSON.readTree(run("export").out())).isEmpty();
    }

    @Test
    void importsUndoRemovesWhatAnImportCreatedAndPrintsOneJsonLine() throws Exception {
        run("import", csv("a.csv", "id,email\nA1,a1@x.com\n").toString());
        long batchId = run("import", csv("b.csv", "id,email\nA1,a1@x.com\nB1,b1@x.com\n").toString()).json().get("batchId").asLong();
        assertThat(run("imports", "list").json().get("imports")).hasSize(2);

        CliRun undo = run("imports", "undo", String.valueOf(batchId));
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.out().lines()).hasSize(1);
        assertThat(undo.json().get("removed").asLong()).isEqualTo(1);
        assertThat(undo.json().get("keptUpdated").asLong()).isEqualTo(1);
        assertThat(undo.json().get("keptExternalIds").get(0).asText()).isEqualTo("A1");
        assertThat(JSON.readTree(run("export").out())).extracting(profile -> profile.get("externalId").asText()).containsExactly("A1");
        assertThat(run("imports", "list").json().get("imports").get(0).get("status").asText()).isEqualTo("undone");

        CliRun again = run("imports", "undo", String.valueOf(batchId));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("error: The import of b.csv (" + batchId + ") was already undone");
    }

    @Test
    void workbooksAndJsonImportWithTheSameCommandAndTheSummarySaysTheFormat() throws Exception {
        Path book = TestWorkbooks.customers(folder.resolve("book.xlsx"));
        Path lines = csv("events.txt", "{\"cookie\": \"j1\", \"email\": \"j@x.com\"}\n{\"cookie\": \"j2\"}\nnot json\n");

        CliRun workbook = run("import", book.toString(), "--sheet", "2", "--map", "zip=postalCode");
        CliRun json = run("import", lines.toString());
        CliRun missing = run("import", book.toString(), "--sheet", "Orders");

        assertThat(workbook.exitCode()).as(workbook.err()).isZero();
        assertThat(workbook.json().get("format").asText()).isEqualTo("xlsx");
        assertThat(workbook.json().get("inserted").asLong()).isEqualTo(2);
        assertThat(json.json().get("format").asText()).isEqualTo("jsonl");
        assertThat(json.json().get("inserted").asLong()).isEqualTo(2);
        assertThat(json.json().get("rejected").asLong()).isEqualTo(1);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: book.xlsx has no sheet 'Orders'; its sheets are Empty, Customers");
        assertThat(missing.out()).isEmpty();
    }

    @Test
    void severalFilesPrintTotalsAndOneEntryPerFile() throws Exception {
        CliRun result = run("import", csv("a.csv", "id\n1\n2\n").toString(), csv("b.csv", "id\n2\n3\n").toString());
        JsonNode summary = result.json();
        assertThat(summary.get("read").asLong()).isEqualTo(4);
        assertThat(summary.get("inserted").asLong()).isEqualTo(3);
        assertThat(summary.get("updated").asLong()).isEqualTo(1);
        assertThat(summary.get("files")).hasSize(2);
    }

    @Test
    void mapDelimiterEncodingPolicyAndRejectsOptionsAreHonoured() throws Exception {
        Path file = folder.resolve("crm.csv");
        Files.write(file, "Kunde|Mail|Stadt\nk1|a@x.com|Köln\nbad\n".getBytes(StandardCharsets.ISO_8859_1));
        Path rejects = folder.resolve("mine.rejects.csv");
        CliRun result = run("import", file.toString(), "--delimiter", "pipe", "--encoding", "ISO-8859-1",
                "--map", "Kunde=externalId", "--map", "Stadt=city", "--on-duplicate", "fill", "--rejects", rejects.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().get("rejectsFile").asText()).isEqualTo(rejects.toString());
        CliRun exported = run("export");
        JsonNode profile = JSON.readTree(exported.out()).get(0);
        assertThat(profile.get("externalId").asText()).isEqualTo("k1");
        assertThat(profile.get("city").asText()).isEqualTo("Köln");
        assertThat(profile.get("email").asText()).isEqualTo("a@x.com");
    }

    @Test
    void dryRunKeepsNothing() throws Exception {
        CliRun result = run("import", "--dry-run", csv("a.csv", "id\n1\n").toString());
        assertThat(result.json().get("inserted").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(run("export").out())).isEmpty();
    }

    @Test
    void presetsSavedFromTheCliDriveAnImport() throws Exception {
        Path file = csv("p.csv", "Kunde,Notiz\nk1,hello\n");
        assertThat(run("preset", "save", "crm", "--from", file.toString(), "--map", "Kunde=externalId", "--map", "Notiz=bio").exitCode()).isZero();
        assertThat(run("preset", "list").out().trim()).isEqualTo("[\"crm\"]");
        assertThat(run("import", "--preset", "crm", file.toString()).exitCode()).isZero();
        assertThat(JSON.readTree(run("export").out()).get(0).get("bio").asText()).isEqualTo("hello");
    }

    @Test
    void mistakesAreOneClearErrorLine() throws Exception {
        CliRun missing = run("import", folder.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(RootCommand.EXIT_FAILURE);
        assertThat(missing.err()).startsWith("error: No such file: ");
        CliRun badMap = run("import", csv("a.csv", "id\n1\n").toString(), "--map", "zzz=email");
        assertThat(badMap.err()).startsWith("error: --map zzz=email: the file has no column 'zzz'");
        CliRun both = run("import", csv("b.csv", "id\n1\n").toString(), "--map", "id=email", "--preset", "x");
        assertThat(both.exitCode()).isEqualTo(RootCommand.EXIT_USAGE);
        CliRun policy = run("import", csv("c.csv", "id\n1\n").toString(), "--on-duplicate", "merge");
        assertThat(policy.err()).contains("Unknown duplicate policy 'merge'");
        CliRun csvToStdout = run("export", "--format", "csv");
        assertThat(csvToStdout.exitCode()).isEqualTo(RootCommand.EXIT_USAGE);
    }

    @Test
    void exportThenImportLosesNoValue() throws Exception {
        run("import", Path.of("sample-data/cdpapi-export.csv").toAbsolutePath().toString());
        run("import", Path.of("sample-data/crm-contacts-latin1.csv").toAbsolutePath().toString());
        Path exported = folder.resolve("all.csv");
        assertThat(run("export", "--format", "csv", "--out", exported.toString()).json().get("profiles").asLong()).isEqualTo(404);
        JsonNode before = JSON.readTree(run("export").out());

        Path other = folder.resolve("other");
        StringWriter out = new StringWriter();
        RootCommand.execute(new String[] {"--data-dir", other.toString(), "import", exported.toString()}, path -> fail("no desktop"),
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(JSON.readTree(out.toString()).get("inserted").asLong()).isEqualTo(404);
        StringWriter again = new StringWriter();
        RootCommand.execute(new String[] {"--data-dir", other.toString(), "export"}, path -> fail("no desktop"),
                new PrintWriter(again), new PrintWriter(new StringWriter()));
        JsonNode after = JSON.readTree(again.toString());
        assertThat(after).hasSize(before.size());
        for (int i = 0; i < before.size(); i++) {
            JsonNode expected = ((com.fasterxml.jackson.databind.node.ObjectNode) before.get(i).deepCopy()).without(List.of("createdAt", "updatedAt"));
            JsonNode actual = ((com.fasterxml.jackson.databind.node.ObjectNode) after.get(i).deepCopy()).without(List.of("createdAt", "updatedAt"));
            assertThat(actual).as("profile %d", i).isEqualTo(expected);
        }
    }
}

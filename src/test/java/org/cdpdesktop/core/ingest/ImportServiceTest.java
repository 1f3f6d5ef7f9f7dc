package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportServiceTest {

    @TempDir
    Path folder;
    private ImportFixture store;

    @BeforeEach
    void open() {
        store = new ImportFixture(folder);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<CSVRecord> rejects(ImportSummary summary) throws IOException {
        try (CSVParser parser = CSVParser.parse(Path.of(summary.rejectsFile()), StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    @Test
    void anImportWhoseFollowUpRunsOutOfMemoryIsReportedAsSavedWithAWarning() throws Exception {
        store.importer.onImported(summary -> {
            throw new OutOfMemoryError("Java heap space");
        });

        ImportSummary summary = store.importFile(store.csv("a.csv", "id,email\nA1,a1@x.com\nA2,a2@x.com\n"));

        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(summary.warning()).startsWith("The import is saved, but updating the segments afterwards failed (not enough memory)");
        assertThat(store.profiles.count()).isEqualTo(2);
    }

    @Test
    void anUndoWhoseFollowUpRunsOutOfMemoryIsReportedAsSavedWithAWarning() throws Exception {
        ImportSummary imported = store.importFile(store.csv("a.csv", "id,email\nA1,a1@x.com\nA2,a2@x.com\n"));
        store.importer.onUndone(summary -> {
            throw new OutOfMemoryError("Java heap space");
        });

        UndoSummary undone = store.importer.undoJob(imported.batchId())
                .run(JobContext.create("Undo", JobListener.NONE, new AtomicBoolean()));

        assertThat(undone.removed()).isEqualTo(2);
        assertThat(undone.warning()).startsWith("The undo is saved, but updating the segments afterwards failed (not enough memory)");
        assertThat(store.profiles.count()).isZero();
    }

    @Test
    void anImportWithoutFollowUpTroubleHasNoWarning() throws Exception {
        ImportSummary summary = store.importFile(store.csv("a.csv", "id,email\nA1,a1@x.com\n"));

        assertThat(summary.warning()).isNull();
    }

    @Test
    void importsTheBundledSampleWithEveryRowAccountedFor() throws Exception {
        ImportSummary summary = store.importFile(Path.of("sample-data/customers.csv"));
        assertThat(summary.read()).isEqualTo(3000);
        assertThat(store.profiles.count()).isEqualTo(summary.inserted());
        assertThat(summary.duplicates()).isPositive();
        assertThat(store.count("SELECT count(*) FROM profile WHERE import_batch_id = " + summary.batchId())).isEqualTo(summary.inserted());
    }

    @Test
    void importsAnOldCdpapiExportKeepingItsRowIdsAndCohorts() throws Exception {
        ImportSummary summary = store.importFile(Path.of("sample-data/cdpapi-export.csv"));
        assertThat(summary.read()).isEqualTo(300);
        assertThat(summary.rejected()).isZero();
        assertThat(store.profiles.count()).isEqualTo(summary.inserted());
        Profile first = store.profile("c414002");
        assertThat(first.getAttributes()).containsEntry("id", "1");
        assertThat(first.getCountry()).isEqualTo("United States");
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE source = 'import'")).isPositive();
        Profile range = store.profile("c062496");
        assertThat(range.getIncome()).isEqualTo(37500.0);
        assertThat(range.getAttributes()).containsEntry("income_range", "25000-50000").containsEntry("invalid_phone", "Unknown");
    }

    @Test
    void importsTheSemicolonWindows1252CrmFileKeepingAccentsAndLeadingZeros() throws Exception {
        ImportSummary summary = store.importFile(Path.of("sample-data/crm-contacts-latin1.csv"));
        assertThat(summary.read()).isEqualTo(120);
        assertThat(summary.inserted()).isEqualTo(120);
        Profile first = store.profile("CRM-00001");
        assertThat(first.getFirstName()).isEqualTo("Renée");
        assertThat(first.getAttributes()).containsEntry("Notes", "VIP – handle with care").containsEntry("Loyalty Tier", "Silver");
        assertThat(store.profile("CRM-00003").getPostalCode()).isEqualTo("01001");
        assertThat(store.profile("CRM-00003").getLastName()).isEqualTo("García");
    }

    @Test
    void importKeepsLeadingZerosInZipCodes() throws Exception {
        store.importFile(store.csv("zip.csv", "id,zip\nA1,07302\nA2,00501\n"));
        assertThat(store.profile("A1").getPostalCode()).isEqualTo("07302");
        assertThat(store.profile("A2").getPostalCode()).isEqualTo("00501");
    }

    @Test
    void readsCrlfLinesQuotedDelimitersQuotesAndLineBreaksInsideValues() throws Exception {
        ImportSummary summary = store.importFile(store.csv("quoted.csv",
                "email,bio,city\r\na@x.com,\"Likes tea, cake\",\"Oslo\"\r\nb@x.com,\"She said \"\"hi\"\"\r\nthen left\",Rome\r\n"));
        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(store.profiles.findByEmail("a@x.com").orElseThrow().getBio()).isEqualTo("Likes tea, cake");
        assertThat(store.profiles.findByEmail("b@x.com").orElseThrow().getBio()).isEqualTo("She said \"hi\"\r\nthen left");
    }

    @Test
    void readsLatin1Accents() throws Exception {
        store.importFile(store.csv("latin1.csv", "id;first_name;city\n1;Jürgen;Köln\n", StandardCharsets.ISO_8859_1));
        assertThat(store.profile("1").getFirstName()).isEqualTo("Jürgen");
        assertThat(store.profile("1").getCity()).isEqualTo("Köln");
    }

    @Test
    void raggedRowsAreRejectedWithTheirLineReasonAndRawText() throws Exception {
        ImportSummary summary = store.importFile(store.csv("ragged.csv", "id,email,city\n1,a@x.com,Oslo\n2,b@x.com\n3,c@x.com,Rome,extra\n4,d@x.com,Paris\n"));
        assertThat(summary.read()).isEqualTo(4);
        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.rejectsFile()).startsWith(store.data.rejects().toString());
        List<CSVRecord> rejects = rejects(summary);
        assertThat(rejects).hasSize(2);
        assertThat(rejects.get(0).toList()).containsExactly("3", "expected 3 columns, found 2", "2,b@x.com");
        assertThat(rejects.get(1).toList()).containsExactly("4", "expected 3 columns, found 4", "3,c@x.com,Rome,extra");
    }

    @Test
    void aRejectedRowSpanningLinesIsWrittenWhole() throws Exception {
        ImportSummary summary = store.importFile(store.csv("multi.csv", "id,email,bio\n1,a@x.com,ok\n2,\"two\nlines\"\n3,c@x.com,ok\n"));
        assertThat(rejects(summary).get(0).toList()).containsExactly("3", "expected 3 columns, found 2", "2,\"two\nlines\"");
    }

    @Test
    void anEmptyFileAndAHeaderOnlyFileImportNothingCleanly() throws Exception {
        ImportSummary empty = store.importFile(store.csv("empty.csv", ""));
        assertThat(empty.read()).isZero();
        assertThat(empty.rejectsFile()).isNull();
        ImportSummary headerOnly = store.importFile(store.csv("header.csv", "email,city\r\n"));
        assertThat(headerOnly.read()).isZero();
        assertThat(store.profiles.count()).isZero();
        assertThat(store.importer.history()).extracting(ImportBatchRecord::status).containsOnly("completed");
    }

    @Test
    void binaryGarbageFailsWithAClearMessageAndChangesNothing() throws Exception {
        store.importFile(store.csv("one.csv", "email\na@x.com\n"));
        byte[] garbage = new byte[10_000];
        new java.util.Random(3).nextBytes(garbage);
        Path binary = store.file("photo.csv", garbage);
        ImportOptions options = new ImportOptions(new CsvDialect(StandardCharsets.UTF_8, false, ',', '"', null, true, 0),
                ColumnMapping.auto(List.of()), DuplicatePolicy.NEWEST, false, null);
        assertThatThrownBy(() -> store.run(binary, options, new AtomicBoolean()))
                .isInstanceOf(ImportException.class).hasMessageContaining("photo.csv is not a file CDP Desktop can import");
        assertThat(store.profiles.count()).isEqualTo(1);
        assertThat(store.importer.history().get(0).status()).isEqualTo("failed");
    }

    @Test
    void duplicateHeadersAreRenamedAndBothValuesKept() throws Exception {
        store.importFile(store.csv("dup.csv", "id,email,email\n1,a@x.com,other@x.com\n"));
        Profile profile = store.profile("1");
        assertThat(profile.getEmail()).isEqualTo("a@x.com");
        assertThat(profile.getAttributes()).containsEntry("email_2", "other@x.com");
    }

    @Test
    void aHundredThousandCharacterFieldIsKeptAndAnOversizedOneRejected() throws Exception {
        String longBio = "x".repeat(100_000);
        String tooLong = "y".repeat(CsvSource.MAX_FIELD_CHARS + 1);
        ImportSummary summary = store.importFile(store.csv("long.csv", "id,bio\n1," + longBio + "\n2," + tooLong + "\n3,short\n"));
        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(store.profile("1").getBio()).hasSize(100_000);
        assertThat(rejects(summary).get(0).get("reason")).isEqualTo("column 'bio' is 1,048,577 characters long; at most 1,048,576 are allowed");
        assertThat(rejects(summary).get(0).get("raw")).hasSize(tooLong.length() + 2);
    }

    @Test
    void rowsWithoutAnyIdentityAreRejectedAndInvalidValuesKeptAsAttributes() throws Exception {
        ImportSummary summary = store.importFile(store.csv("bad.csv", "id,email,age\n,n/a,30\n7,n/a,150\n8,ok@x.com,abc\n"));
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(rejects(summary).get(0).get("reason")).isEqualTo("no identity: the external id is blank and the email 'n/a' is not valid");
        Profile seven = store.profile("7");
        assertThat(seven.getEmail()).isNull();
        assertThat(seven.getAge()).isNull();
        assertThat(seven.getAttributes()).containsEntry("invalid_email", "n/a").containsEntry("invalid_age", "150");
        assertThat(store.profile("8").getAttributes()).containsEntry("invalid_age", "abc");
    }

    @Test
    void theSummaryCountsPerColumnTheValuesNormalisedAndTheValuesKeptAsideAsInvalid() throws Exception {
        ImportSummary summary = store.importFile(store.csv("dirty.csv", """
                id,email,age,income,city
                A1,not-an-email,abc,lots,Oslo
                A2, Bob@Example.org ,41,50000,Rome
                A3,c@example.org,30,$50k,Paris
                ,,150,,
                """));
        assertThat(summary.read()).isEqualTo(4);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.cleaning()).extracting(ColumnCleaning::column).containsExactly("id", "email", "age", "income", "city");
        assertThat(summary.cleaning()).filteredOn(column -> column.column().equals("email")).singleElement()
                .isEqualTo(new ColumnCleaning("email", ProfileField.EMAIL, 1, 1));
        assertThat(summary.cleaning()).filteredOn(column -> column.column().equals("age")).singleElement()
                .isEqualTo(new ColumnCleaning("age", ProfileField.AGE, 0, 1));
        assertThat(summary.cleaning()).filteredOn(column -> column.column().equals("income")).singleElement()
                .isEqualTo(new ColumnCleaning("income", ProfileField.INCOME, 1, 1));
        assertThat(summary.cleaning()).filteredOn(column -> column.column().equals("city")).singleElement()
                .isEqualTo(new ColumnCleaning("city", ProfileField.CITY, 0, 0));
        assertThat(summary.invalidValues()).isEqualTo(3);
        assertThat(summary.cleaning().get(1).invalidAttribute()).isEqualTo("invalid_email");
        assertThat(store.profile("A1").getAttributes()).containsEntry("invalid_email", "not-an-email");
    }

    @Test
    void aFileWithNeitherIdNorEmailGetsGeneratedIds() throws Exception {
        ImportSummary summary = store.importFile(store.csv("names.csv", "first_name,city\nAna,Oslo\nBo,Rome\n,\n"));
        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(store.profile("gen-" + summary.batchId() + "-2").getFirstName()).isEqualTo("Ana");
        assertThat(store.profile("gen-" + summary.batchId() + "-3").getFirstName()).isEqualTo("Bo");
    }

    @Test
    void rowsWithTheSameIdOrEmailInOneFileMergeIntoOneProfile() throws Exception {
        ImportSummary summary = store.importFile(store.csv("same.csv",
                "id,email,city,interests\n1,Ann@X.com,Oslo,music\n2,ann@x.com,,tech\n1,,Rome,music|art\n"));
        assertThat(summary.inserted()).isEqualTo(1);
        assertThat(summary.duplicates()).isEqualTo(2);
        assertThat(store.profiles.count()).isEqualTo(1);
        Profile ann = store.profile("1");
        assertThat(ann.getEmail()).isEqualTo("ann@x.com");
        assertThat(ann.getCity()).isEqualTo("Rome");
        assertThat(ann.getInterests()).containsExactly("music", "tech", "art");
        assertThat(ann.getAttributes()).containsEntry("other_external_ids", "2");
    }

    private void seedAnn() throws Exception {
        store.importFile(store.csv("seed.csv", "id,email,city,age,interests,tier\n1,ann@x.com,Oslo,,music,gold\n"));
    }

    @Test
    void newestPolicyLetsTheRowsNonBlankValuesWin() throws Exception {
        seedAnn();
        ImportSummary summary = store.importFile(store.csv("next.csv", "id,email,city,age,interests,tier\n1,,Rome,40,tech,\n"),
                DuplicatePolicy.NEWEST);
        assertThat(summary.updated()).isEqualTo(1);
        Profile ann = store.profile("1");
        assertThat(ann.getCity()).isEqualTo("Rome");
        assertThat(ann.getAge()).isEqualTo(40);
        assertThat(ann.getEmail()).isEqualTo("ann@x.com");
        assertThat(ann.getInterests()).containsExactly("music", "tech");
        assertThat(ann.getAttributes()).containsEntry("tier", "gold");
        assertThat(store.count("SELECT count(*) FROM profile_import WHERE action = 'updated'")).isEqualTo(1);
    }

    @Test
    void existingPolicyKeepsTheStoredValuesAndOnlyUnitesLists() throws Exception {
        seedAnn();
        store.importFile(store.csv("next.csv", "id,email,city,age,interests\n1,,Rome,40,tech\n9,ANN@x.com,Paris,,\n"),
                DuplicatePolicy.EXISTING);
        Profile ann = store.profile("1");
        assertThat(ann.getCity()).isEqualTo("Oslo");
        assertThat(ann.getAge()).isNull();
        assertThat(ann.getInterests()).containsExactly("music", "tech");
        assertThat(ann.getAttributes()).containsEntry("other_external_ids", "9");
    }

    @Test
    void fillPolicyFillsOnlyBlanks() throws Exception {
        seedAnn();
        store.importFile(store.csv("next.csv", "email,city,age\nANN@x.com,Rome,40\n"), DuplicatePolicy.FILL);
        Profile ann = store.profile("1");
        assertThat(ann.getCity()).isEqualTo("Oslo");
        assertThat(ann.getAge()).isEqualTo(40);
    }

    @Test
    void aRowNamingTwoStoredProfilesMergesThemTransitively() throws Exception {
        store.importFile(store.csv("two.csv", "id,email,city,cohort\nA,a@x.com,Oslo,Gold\nB,b@x.com,,Silver\n"));
        ImportSummary summary = store.importFile(store.csv("link.csv", "id,email,age\nA,b@x.com,33\n"));
        assertThat(summary.updated()).isEqualTo(1);
        assertThat(store.profiles.count()).isEqualTo(1);
        Profile merged = store.profile("A");
        assertThat(merged.getEmail()).isEqualTo("b@x.com");
        assertThat(merged.getAge()).isEqualTo(33);
        assertThat(merged.getCity()).isEqualTo("Oslo");
        assertThat(merged.getAttributes()).containsEntry("other_external_ids", "B").containsEntry("other_emails", "a@x.com");
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE profile_id = " + merged.getId())).isEqualTo(2);
    }

    @Test
    void aRowNamingAProfileMergedAwayEarlierInTheSameChunkGoesToTheProfileItWasMergedInto() throws Exception {
        ImportSummary summary = store.importFile(store.csv("merged.csv",
                "id,email,city\nA,a@x.com,Oslo\nB,b@x.com,Bergen\nA,b@x.com,\nB,c@x.com,Tromsø\n"));

        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(summary.duplicates()).isEqualTo(2);
        assertThat(store.profiles.count()).isEqualTo(1);
        Profile merged = store.profile("A");
        assertThat(merged.getEmail()).isEqualTo("c@x.com");
        assertThat(merged.getCity()).isEqualTo("Tromsø");
        assertThat(merged.getAttributes().get("other_emails").split("\\|")).containsExactlyInAnyOrder("a@x.com", "b@x.com");
    }

    @Test
    void identityCarriesAcrossChunksWithinOneFile() throws Exception {
        StringBuilder text = new StringBuilder("id,email\n");
        for (int i = 0; i < ImportRun.CHUNK_ROWS + 10; i++) {
            text.append("id").append(i).append(",u").append(i).append("@x.com\n");
        }
        text.append("other,U5@X.com\n");
        ImportSummary summary = store.importFile(store.csv("chunks.csv", text.toString()));
        assertThat(summary.inserted()).isEqualTo(ImportRun.CHUNK_ROWS + 10);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(store.profile("id5").getAttributes()).containsEntry("other_external_ids", "other");
    }

    @Test
    void theCohortColumnBecomesImportedCohorts() throws Exception {
        store.importFile(store.csv("cohorts.csv", "id,cohorts\n1,High Value|Loyal\n"));
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE source = 'import' AND cohort IN ('High Value', 'Loyal')"))
                .isEqualTo(2);
    }

    @Test
    void aCancelledImportRollsBackCompletely() throws Exception {
        seedAnn();
        StringBuilder text = new StringBuilder("id,email\n");
        for (int i = 0; i < 3 * ImportRun.CHUNK_ROWS; i++) {
            text.append(i).append(",c").append(i).append("@x.com\n");
        }
        Path file = store.csv("big.csv", text.toString());
        assertThatThrownBy(() -> store.run(file, store.options(file, DuplicatePolicy.NEWEST, false), new AtomicBoolean(true)))
                .isInstanceOf(JobCancelledException.class);
        assertThat(store.profiles.count()).isEqualTo(1);
        assertThat(store.importer.history().get(0).status()).isEqualTo("cancelled");
        assertThat(store.count("SELECT count(*) FROM profile_interest")).isEqualTo(1);
    }

    @Test
    void aFileThatBreaksHalfwayRollsBackCompletely() throws Exception {
        StringBuilder text = new StringBuilder("id,bio\n");
        for (int i = 0; i < 2 * ImportRun.CHUNK_ROWS; i++) {
            text.append(i).append(",fine\n");
        }
        text.append("last,\"never closed\n");
        Path file = store.csv("broken.csv", text.toString());
        assertThatThrownBy(() -> store.importFile(file))
                .isInstanceOf(ImportException.class).hasMessageContaining("a quoted value is never closed");
        assertThat(store.profiles.count()).isZero();
        assertThat(Files.list(store.data.rejects())).isEmpty();
    }

    @Test
    void progressEndsWithEveryRowDone() throws Exception {
        StringBuilder text = new StringBuilder("id\n");
        for (int i = 0; i < 3 * ImportRun.CHUNK_ROWS; i++) {
            text.append(i).append('\n');
        }
        Path file = store.csv("progress.csv", text.toString());
        List<org.cdpdesktop.core.jobs.JobProgress> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        ImportSummary summary = store.importer.importJob(file, store.options(file, DuplicatePolicy.NEWEST, false))
                .run(org.cdpdesktop.core.jobs.JobContext.create("import", reports::add, new AtomicBoolean()));
        org.cdpdesktop.core.jobs.JobProgress last = reports.get(reports.size() - 1);
        assertThat(last.done()).isEqualTo(summary.read());
        assertThat(last.total()).isEqualTo(summary.read());
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(summary.rowsPerSecond()).isPositive();
    }

    @Test
    void aDryRunCountsButKeepsNothing() throws Exception {
        Path file = store.csv("dry.csv", "id,email\n1,a@x.com\n1,b@x.com\n,\n");
        ImportSummary summary = store.run(file, store.options(file, DuplicatePolicy.NEWEST, true), new AtomicBoolean());
        assertThat(summary.dryRun()).isTrue();
        assertThat(summary.inserted()).isEqualTo(1);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(store.profiles.count()).isZero();
        assertThat(store.importer.history()).isEmpty();
    }

    @Test
    void theHistoryRecordsFileChecksumCountsAndMapping() throws Exception {
        Path file = store.csv("hist.csv", "cookie,e-mail\nx,x@x.com\n");
        ImportSummary summary = store.importFile(file);
        ImportBatchRecord record = store.importer.history().get(0);
        assertThat(record.id()).isEqualTo(summary.batchId());
        assertThat(record.fileName()).isEqualTo("hist.csv");
        assertThat(record.checksum()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        assertThat(record.status()).isEqualTo("completed");
        assertThat(record.read()).isEqualTo(1);
        assertThat(record.inserted()).isEqualTo(1);
        assertThat(record.mapping().targets()).containsEntry("e-mail", ColumnTarget.field(org.cdpdesktop.core.profile.ProfileField.EMAIL));
    }

    @Test
    void aGivenMappingAndDateFormatAreUsed() throws Exception {
        Path file = store.csv("map.csv", "key,joined,notes\nk1,03/05/2024,hello\n");
        CsvDialect dialect = CsvSniffer.sniff(file);
        ColumnMapping mapping = ColumnMapping.auto(List.of("key", "joined", "notes"))
                .with("key", ColumnTarget.field(org.cdpdesktop.core.profile.ProfileField.EXTERNAL_ID))
                .with("joined", ColumnTarget.field(org.cdpdesktop.core.profile.ProfileField.SIGNUP_DATE).withFormat("dd/MM/yyyy"))
                .with("notes", ColumnTarget.skip());
        store.run(file, new ImportOptions(dialect, mapping, DuplicatePolicy.NEWEST, false, folder.resolve("my-rejects.csv")), new AtomicBoolean());
        Profile profile = store.profile("k1");
        assertThat(profile.getSignupDate()).isEqualTo("2024-05-03");
        assertThat(profile.getAttributes()).isEqualTo(Map.of());
    }
}

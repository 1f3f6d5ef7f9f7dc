package org.cdpdesktop.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.ImportFiles;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.ingest.UndoSummary;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.jobs.JobRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {

    @TempDir
    Path directory;

    @Test
    void extractsTheBundledCustomerFileByteForByteAsInTheRepository() throws Exception {
        Path extracted = SampleData.extractTo(directory.resolve("sample"));

        assertThat(extracted).hasFileName("customers.csv");
        assertThat(Files.readAllBytes(extracted)).isEqualTo(Files.readAllBytes(Path.of("sample-data", "customers.csv")));
        assertThat(Files.readAllLines(extracted, StandardCharsets.UTF_8)).hasSize(3001)
                .first().isEqualTo(SampleDataGenerator.LABELLED_HEADER);
    }

    @Test
    void theBundledSampleIsWhatTheLabelledGeneratorWritesForItsDocumentedSeedAndRows() throws Exception {
        StringWriter generated = new StringWriter();
        SampleDataGenerator.write(generated, 3000, 42, true, 6001);

        assertThat(Files.readString(Path.of("sample-data", "customers.csv"), StandardCharsets.UTF_8)).isEqualTo(generated.toString());
    }

    @Test
    void theLabelledFileIsWhatTheGeneratorWritesForTheBundledModelsDocumentedCommand() throws Exception {
        StringWriter generated = new StringWriter();
        SampleDataGenerator.write(generated, 6000, 12, true);

        assertThat(Files.readString(Path.of("sample-data", "customers-labelled.csv"), StandardCharsets.UTF_8)).isEqualTo(generated.toString());
    }

    /**
     * A user loads the sample on first start, then imports the other files of {@code sample-data/} (the labelled one to
     * train a model, the old service's export, the CRM file). In a store holding the files before it, each file must
     * count exactly as it counts alone in an empty store: its duplicates are the customers it repeats itself, and it
     * updates nobody, so no profile merges two sample people.
     */
    @Test
    void everySampleFileImportsIntoAStoreHoldingTheOthersAsItDoesAloneSoNoTwoSamplePeopleMerge() throws Exception {
        List<Path> files = sampleFiles();
        assertThat(files).extracting(file -> file.getFileName().toString()).startsWith(SampleData.FILE_NAME)
                .contains("customers-labelled.csv", "cdpapi-export.csv", "crm-contacts-latin1.csv");
        Map<Path, List<Long>> alone = new HashMap<>();
        for (Path file : files) {
            try (App app = App.open(directory.resolve("alone-" + file.getFileName()))) {
                alone.put(file, counts(importWithDefaults(app, file)));
            }
        }

        try (App app = App.open(directory.resolve("all"))) {
            long inserted = 0;
            for (Path file : files) {
                ImportSummary summary = importWithDefaults(app, file);

                assertThat(counts(summary)).as("%s after the files before it: read, inserted, updated, duplicates, rejected",
                        file.getFileName()).isEqualTo(alone.get(file));
                assertThat(summary.updated()).as("profiles of earlier files that %s updated", file.getFileName()).isZero();
                inserted += summary.inserted();
            }
            assertThat(app.profiles().count()).isEqualTo(inserted);
        }
        assertThat(alone.get(Path.of("sample-data", SampleData.FILE_NAME)).get(3)).as("the sample's own repeated customers").isPositive();
    }

    /** The repository's sample files, the bundled sample first as a new user meets it, then the others by name. */
    private static List<Path> sampleFiles() throws IOException {
        try (Stream<Path> listed = Files.list(Path.of("sample-data"))) {
            return listed.filter(file -> !file.getFileName().toString().endsWith(".md"))
                    .sorted(Comparator.comparing((Path file) -> !file.getFileName().toString().equals(SampleData.FILE_NAME))
                            .thenComparing(file -> file.getFileName().toString()))
                    .toList();
        }
    }

    private static ImportSummary importWithDefaults(App app, Path file) throws Exception {
        Job<ImportSummary> job = app.importer().importJob(file, ImportFiles.defaultOptions(file));
        return JobRunner.runHere(job, JobRunner.foregroundHandle(job), JobListener.NONE);
    }

    private static List<Long> counts(ImportSummary summary) {
        return List.of(summary.read(), summary.inserted(), summary.updated(), summary.duplicates(), summary.rejected());
    }

    @Test
    void extractingTwiceReplacesTheEarlierCopy() throws Exception {
        Files.writeString(directory.resolve("customers.csv"), "stale");

        Path extracted = SampleData.extractTo(directory);

        assertThat(Files.size(extracted)).isEqualTo(Files.size(Path.of("sample-data", "customers.csv")));
    }

    @Test
    void theSampleImportsWithTheWizardsDefaultsAccountsForEveryRowAndCountsAsLoadedUntilUndone() throws Exception {
        try (App app = App.open(directory.resolve("data"))) {
            assertThat(SampleData.loaded(app.settings(), app.importer().history())).isFalse();
            Job<ImportSummary> job = SampleData.importJob(app.importer(), directory.resolve("sample"), app.settings());

            ImportSummary summary = JobRunner.runHere(job, JobRunner.foregroundHandle(job), JobListener.NONE);

            assertThat(summary.file()).isEqualTo("customers.csv");
            assertThat(summary.read()).isEqualTo(3000);
            assertThat(summary.inserted() + summary.updated() + summary.duplicates() + summary.rejected()).isEqualTo(summary.read());
            assertThat(summary.inserted()).isGreaterThan(2500);
            assertThat(app.profiles().count()).isEqualTo(summary.inserted());
            assertThat(app.importer().history()).singleElement()
                    .satisfies(batch -> assertThat(batch.fileName()).isEqualTo("customers.csv"));
            assertThat(SampleData.offered(app.settings())).isTrue();
            assertThat(SampleData.loaded(app.settings(), app.importer().history())).isTrue();

            Job<UndoSummary> undo = app.importer().undoJob(summary.batchId());
            JobRunner.runHere(undo, JobRunner.foregroundHandle(undo), JobListener.NONE);
            assertThat(app.profiles().count()).isZero();
            assertThat(SampleData.loaded(app.settings(), app.importer().history())).isFalse();
        }
    }
}

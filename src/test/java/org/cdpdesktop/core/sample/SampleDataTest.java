package org.cdpdesktop.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cdpdesktop.App;
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
    void theBundledSampleIsWhatTheLabelledGeneratorWritesForItsDocumentedSeed() throws Exception {
        StringWriter generated = new StringWriter();
        SampleDataGenerator.write(generated, 3000, 42, true);

        assertThat(Files.readString(Path.of("sample-data", "customers.csv"), StandardCharsets.UTF_8)).isEqualTo(generated.toString());
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

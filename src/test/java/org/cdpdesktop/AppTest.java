package org.cdpdesktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.db.PendingIndexFixtures;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.CsvDialect;
import org.cdpdesktop.core.ingest.CsvPreviewer;
import org.cdpdesktop.core.ingest.CsvSniffer;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.sample.SampleData;
import org.cdpdesktop.core.sample.SampleDataGenerator;
import org.cdpdesktop.core.segment.InsightReport;
import org.cdpdesktop.core.segment.Lookalikes;
import org.cdpdesktop.core.segment.SegmentInsights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the services work together once the composition root has wired them. */
class AppTest {

    @TempDir
    Path temp;

    @Test
    void everyCommittedImportSnapshotsEverySegment() throws Exception {
        try (App app = App.open(temp.resolve("data"))) {
            Path sample = SampleData.extractTo(temp);
            long segments = app.segments().list().size();

            importFile(app, sample, false);
            assertThat(snapshots(app, "import")).isEqualTo(segments).isPositive();

            importFile(app, sample, true);
            assertThat(snapshots(app, "import")).as("a dry run takes no snapshot").isEqualTo(segments);
        }
    }

    @Test
    void anImportRescoresLookalikesInAJobOfTheirOwnAndTheirMembersFollow() throws Exception {
        try (App app = App.open(temp.resolve("data"))) {
            importFile(app, SampleData.extractTo(temp), false);
            app.followUps().awaitAll();
            Lookalikes.Result made = app.lookalikes().create(new Lookalikes.Request("Senior", null, 0.0, "Like seniors", 1),
                    JobContext.create("Lookalike", JobListener.NONE, new AtomicBoolean()));
            List<String> started = new CopyOnWriteArrayList<>();
            app.jobs().onChange(() -> app.jobs().running().forEach(job -> started.add(job.title())));
            Path newcomers = temp.resolve("newcomers.csv");
            Files.writeString(newcomers, "email,first_name,age,interests\n"
                    + "ann@example.com,Ann,25,golf\nbob@example.com,Bob,31,travel\ncy@example.com,Cy,44,music\n");

            importFile(app, newcomers, false);
            app.followUps().awaitAll();

            assertThat(started).contains(Lookalikes.RESCORE_TITLE);
            assertThat(app.segments().count(RuleParser.parse("segment = \"Like seniors\""))).isEqualTo(made.size() + 3);
            assertThat(snapshots(app, Lookalikes.SNAPSHOT_REASON)).isEqualTo(app.segments().list().size());
        }
    }

    @Test
    void insightsAfterAnImportEqualAFreshCountOfTheNewStore() throws Exception {
        try (App app = App.open(temp.resolve("data"))) {
            importFile(app, SampleData.extractTo(temp), false);
            Condition rule = RuleParser.parse("age >= 40");
            InsightReport before = app.segmentInsights().insights(rule, 50);
            Path newcomers = temp.resolve("newcomers.csv");
            Files.writeString(newcomers, "email,first_name,age,country\n"
                    + "ann@example.com,Ann,45,Iceland\nbob@example.com,Bob,51,Iceland\ncy@example.com,Cy,62,Iceland\n");

            importFile(app, newcomers, false);
            InsightReport after = app.segmentInsights().insights(rule, 50);

            InsightReport fresh = new SegmentInsights(app.database(), app.segments()).insights(rule, 50);
            assertThat(after.total()).isEqualTo(before.total() + 3).isEqualTo(fresh.total());
            assertThat(after.members()).isEqualTo(before.members() + 3).isEqualTo(fresh.members());
            assertThat(after.tested()).isEqualTo(fresh.tested());
            assertThat(after.insights()).isEqualTo(fresh.insights());
        }
    }

    @Test
    void anImportWithoutLookalikesStartsNoFollowUpJob() throws Exception {
        try (App app = App.open(temp.resolve("data"))) {
            List<String> started = new CopyOnWriteArrayList<>();
            app.jobs().onChange(() -> app.jobs().running().forEach(job -> started.add(job.title())));

            importFile(app, SampleData.extractTo(temp), false);
            app.followUps().awaitAll();

            assertThat(started).isEmpty();
        }
    }

    @Test
    void aBulkImportEndsBeforeItsFilterIndexesWhichAFollowUpJobThenBuilds() throws Exception {
        Path big = temp.resolve("big.csv");
        try (var out = Files.newBufferedWriter(big)) {
            SampleDataGenerator.write(out, 60_000, 7);
        }
        assertThat(Files.size(big)).isGreaterThan(8L << 20);
        try (App app = App.open(temp.resolve("data"))) {
            long indexes = profileIndexes(app);
            List<String> started = new CopyOnWriteArrayList<>();
            app.jobs().onChange(() -> app.jobs().running().forEach(job -> started.add(job.title())));

            ImportSummary summary = importFile(app, big, false);
            app.followUps().awaitAll();

            assertThat(summary.inserted()).isPositive();
            assertThat(started).contains("Building filter indexes");
            assertThat(app.pendingIndexes().names()).isEmpty();
            assertThat(profileIndexes(app)).isEqualTo(indexes);
        }
    }

    @Test
    void filterIndexesABuildLeftPendingAreBuiltWhenTheStoreIsOpenedAgain() throws Exception {
        try (App app = App.open(temp.resolve("data"))) {
            PendingIndexFixtures.leavePending(app.database(), "profile_city_nocase");
        }

        try (App app = App.open(temp.resolve("data"))) {
            assertThat(app.pendingIndexes().names()).containsExactly("profile_city_nocase");
            app.resumeUnfinishedWork();
            app.followUps().awaitAll();

            assertThat(app.pendingIndexes().names()).isEmpty();
            assertThat(PendingIndexFixtures.indexExists(app.database(), "profile_city_nocase")).isTrue();
        }
    }

    private static long profileIndexes(App app) {
        return app.database().read(connection -> {
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'profile'"
                         + " AND sql IS NOT NULL")) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    private static ImportSummary importFile(App app, Path file, boolean dryRun) throws Exception {
        CsvDialect dialect = CsvSniffer.sniff(file);
        ColumnMapping mapping = ColumnMapping.auto(CsvPreviewer.preview(file, dialect, 0).headers());
        return app.importer().importJob(file, new ImportOptions(dialect, mapping, DuplicatePolicy.NEWEST, dryRun, null))
                .run(JobContext.create("Import", JobListener.NONE, new AtomicBoolean()));
    }

    private static long snapshots(App app, String reason) {
        return app.database().read(connection -> {
            try (var query = connection.prepareStatement("SELECT count(*) FROM segment_snapshot WHERE reason = ?")) {
                query.setString(1, reason);
                try (var result = query.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }
}

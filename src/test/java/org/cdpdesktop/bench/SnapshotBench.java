package org.cdpdesktop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.cdpdesktop.core.DataDirectory;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.ingest.RecordBatch;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.segment.SegmentService;
import org.cdpdesktop.core.segment.SnapshotResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The segment snapshot after a 10,000-row import into a store of 1,000,000 profiles (the store of {@link SegmentsBench}):
 * {@code mvn -Pbench test -Dtest=SnapshotBench}. Each round imports 5,000 new profiles and updates 5,000, then takes the
 * snapshot either by re-evaluating every segment over the whole store (before: {@link SegmentService#snapshotAll}) or
 * over the changed profiles only (after: {@link SegmentService#snapshotChanges}); the two alternate, so a loaded
 * machine weighs on both alike, and each figure is the median of its rounds. After every round the snapshot's sizes
 * are checked against a full count. The report goes to target/benchmarks/snapshots.md.
 */
@Tag("bench")
class SnapshotBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int IMPORT_ROWS = 10_000;

    @TempDir
    Path folder;

    @Test
    void snapshotAfterATenThousandRowImportIntoAMillionProfiles() throws Exception {
        List<String> report = new ArrayList<>();
        Path loaded = SegmentsBench.loadedStore(folder, report);
        DataDirectory data = DataDirectory.open(folder.resolve("data"));
        Files.copy(loaded, data.database());
        try (Database database = Database.open(data.database())) {
            SegmentService segments = new SegmentService(database);
            ImportService importer = new ImportService(database, data, new FieldCleaner());
            long profiles = database.read(connection -> {
                try (var result = connection.createStatement().executeQuery("SELECT count(*) FROM profile")) {
                    result.next();
                    return result.getLong(1);
                }
            });
            long started = System.nanoTime();
            List<SnapshotResult> first = segments.snapshotAll("bench");
            report.add(String.format(Locale.ROOT, "Store: %,d profiles, %d segments; first snapshot (setup) %.1f s",
                    profiles, first.size(), (System.nanoTime() - started) / 1e9));

            Random random = new Random(42);
            List<Double> full = new ArrayList<>();
            List<Double> changes = new ArrayList<>();
            List<Double> imports = new ArrayList<>();
            for (int round = 0; round < 2 * ROUNDS; round++) {
                boolean onlyChanges = round % 4 == 1 || round % 4 == 2;
                long importStarted = System.nanoTime();
                ImportSummary summary = importTenThousand(importer, random, profiles, round);
                imports.add((System.nanoTime() - importStarted) / 1e9);
                assertThat(summary.inserted() + summary.updated() + summary.duplicates()).isEqualTo(IMPORT_ROWS);
                Function<String, List<SnapshotResult>> snapshot = onlyChanges ? segments::snapshotChanges : segments::snapshotAll;
                long snapshotStarted = System.nanoTime();
                List<SnapshotResult> results = snapshot.apply("import");
                (onlyChanges ? changes : full).add((System.nanoTime() - snapshotStarted) / 1e9);
                Map<Long, Long> live = new HashMap<>();
                segments.sizes().forEach(size -> live.put(size.segment().id(), size.size()));
                results.forEach(result -> assertThat(result.size()).as(result.name()).isEqualTo(live.get(result.segmentId())));
            }
            report.add("");
            report.add(String.format(Locale.ROOT, "| Snapshot of %d segments after a %,d-row import (5,000 new, 5,000 updated) into %,d profiles"
                    + " | Median s (%d rounds, alternating) |", first.size(), IMPORT_ROWS, profiles, ROUNDS));
            report.add("|---|---:|");
            report.add(String.format(Locale.ROOT, "| The import itself (for scale) | %.2f |", median(imports)));
            report.add(String.format(Locale.ROOT, "| Before: every segment re-evaluated over the whole store (`snapshotAll`) | %.2f |", median(full)));
            report.add(String.format(Locale.ROOT, "| **After: only the imported profiles re-evaluated (`snapshotChanges`)** | **%.2f** |", median(changes)));
            report.add(String.format(Locale.ROOT, "%nAll rounds, before: %s; after: %s", full, changes));
        }
        Path out = Path.of("target", "benchmarks", "snapshots.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
        LoggerFactory.getLogger(SnapshotBench.class).info("Snapshot benchmark:\n{}", String.join("\n", report));
    }

    /** 5,000 new profiles and 5,000 updates of profiles already in the store (external ids ck-1 .. ck-N). */
    private static ImportSummary importTenThousand(ImportService importer, Random random, long profiles, int round) {
        String[] countries = {"United States", "Canada", "Germany", "France", "India", "Japan"};
        String[] interests = {"travel", "tech", "sports", "music", "books", "food", "fitness"};
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 0; i < IMPORT_ROWS; i++) {
            String id = i % 2 == 0 ? "new-" + round + "-" + i : "ck-" + (1 + random.nextInt((int) profiles));
            records.add(Map.of("cookie", id, "age", String.valueOf(18 + random.nextInt(70)),
                    "country", countries[random.nextInt(countries.length)], "income", String.valueOf(random.nextInt(300_000)),
                    "interests", interests[random.nextInt(interests.length)] + "|" + interests[random.nextInt(interests.length)]));
        }
        RecordBatch batch = RecordBatch.of("bench-" + round, "jsonl", records);
        return importer.ingest(batch, new ImportOptions(null, ColumnMapping.auto(batch.headers()), DuplicatePolicy.NEWEST, false, null),
                JobContext.create("bench", JobListener.NONE, new AtomicBoolean()));
    }

    private static double median(List<Double> seconds) {
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

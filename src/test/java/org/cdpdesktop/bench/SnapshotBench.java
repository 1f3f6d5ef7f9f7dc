package org.cdpdesktop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.cdpdesktop.core.sample.SampleDataGenerator;
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
 * are checked against a full count. The report goes to target/benchmarks/snapshots.md. A second test takes snapshots
 * of a large generated store in small heaps: {@code mvn -Pbench test -Dtest=SnapshotBench#snapshotAfterAGeneratedImportFitsASmallHeap}.
 */
@Tag("bench")
class SnapshotBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int IMPORT_ROWS = 10_000;
    private static final Pattern AFTER_IMPORT = Pattern.compile("afterImport=([0-9.]+)s");
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");

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

    /**
     * Snapshots of a large store in small heaps, each in a child JVM with a GC log, on a generated file of
     * {@code bench.heapRows} rows (default 2,000,000). First the {@code import} command, limited to {@code bench.heap}
     * (default {@code 192m}: the import alone did not fit 128 MiB at a million rows, its identity-key table being on the
     * heap up to 2^21 slots and in a mapped file beyond, so that floor does not grow with the file): it must end without a warning, with a snapshot of
     * every starter segment whose size is the segment's live count. Then, with the store's memberships cleared as
     * before its first snapshot, {@code segment snapshot} alone, limited to {@code bench.snapshotHeap} (default
     * {@code 32m}): what the snapshot itself needs, which held as arrays of ids grew with the store (a million
     * profiles needed between 48 and 64 MiB). Appends to target/benchmarks/snapshots-heap.md.
     */
    @Test
    void snapshotAfterAGeneratedImportFitsASmallHeap() throws Exception {
        int rows = Integer.getInteger("bench.heapRows", 2_000_000);
        String importHeap = System.getProperty("bench.heap", "192m");
        String snapshotHeap = System.getProperty("bench.snapshotHeap", "32m");
        String load = Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        Path file = folder.resolve("customers.csv");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SampleDataGenerator.write(writer, rows, 42);
        }
        Path dataDirectory = folder.resolve("heap-data");
        Child imported = child(importHeap, "import", dataDirectory, "import", file.toString());
        JsonNode summary = new ObjectMapper().readTree(imported.output());
        assertThat(summary.get("read").asLong()).isEqualTo(rows);
        assertThat(summary.has("warning")).as("a warning says the snapshot failed: %s", summary.get("warning")).isFalse();

        long segments;
        try (Database database = Database.open(DataDirectory.open(dataDirectory).database())) {
            Map<Long, Long> live = new HashMap<>();
            new SegmentService(database).sizes().forEach(size -> live.put(size.segment().id(), size.size()));
            Map<Long, Long> snapshot = database.read(connection -> {
                Map<Long, Long> sizes = new HashMap<>();
                try (var result = connection.createStatement().executeQuery(
                        "SELECT segment_id, size FROM segment_snapshot WHERE reason = 'import'")) {
                    while (result.next()) {
                        sizes.put(result.getLong(1), result.getLong(2));
                    }
                }
                return sizes;
            });
            assertThat(snapshot).as("one snapshot of every segment, of its live size").isEqualTo(live);
            segments = live.size();
            database.write(connection -> connection.createStatement().executeUpdate("DELETE FROM segment_member"));
        }
        String afterImport = "?";
        for (String line : Files.readAllLines(dataDirectory.resolve("logs").resolve("cdp-desktop.log"))) {
            Matcher after = AFTER_IMPORT.matcher(line);
            if (after.find()) {
                afterImport = after.group(1);
            }
        }
        Child snapshot = child(snapshotHeap, "snapshot", dataDirectory, "segment", "snapshot");
        assertThat(new ObjectMapper().readTree(snapshot.output())).hasSize((int) segments);

        String report = String.format(Locale.ROOT, """
                | %,d generated rows (%,d profiles), %d segments | Child JVM | Seconds | Snapshot s | Peak heap before GC (MiB) | Peak live heap after GC (MiB) |
                |---|---|---:|---:|---:|---:|
                | `import`, snapshot included | `-Xmx%s` | %.1f | %s | %s |
                | `segment snapshot` of the store, memberships cleared first | `-Xmx%s` | %.1f | %.1f | %s |

                Machine: %d cores, Java %s, load average before %s. Date: %s.
                """, rows, summary.get("inserted").asLong(), segments, importHeap, imported.seconds(), afterImport, imported.heap(),
                snapshotHeap, snapshot.seconds(), snapshot.seconds(), snapshot.heap(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), load, Instant.now());
        Path out = Path.of("target", "benchmarks", "snapshots-heap.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        LoggerFactory.getLogger(SnapshotBench.class).info("Snapshot heap benchmark:\n{}", report);
    }

    private record Child(String output, double seconds, String heap) {
    }

    /** Runs the CLI in a child JVM limited to {@code heap}, with a GC log; it must succeed. */
    private Child child(String heap, String name, Path dataDirectory, String... args) throws Exception {
        Path gcLog = folder.resolve(name + "-gc.log");
        Path output = folder.resolve(name + ".json");
        Path errors = folder.resolve(name + "-stderr.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath(), "-Xlog:gc:file=" + gcLog,
                "-cp", System.getProperty("java.class.path"), "org.cdpdesktop.Launcher", "--data-dir", dataDirectory.toString()));
        command.addAll(List.of(args));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.MINUTES)).as(name + " ends within an hour").isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(process.exitValue()).as(name + " in -Xmx" + heap + ": " + Files.readString(errors)).isZero();
        long before = 0;
        long after = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher used = GC_HEAP.matcher(line);
            if (used.find()) {
                before = Math.max(before, Long.parseLong(used.group(1)));
                after = Math.max(after, Long.parseLong(used.group(2)));
            }
        }
        return new Child(Files.readString(output), seconds, before + " | " + after);
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

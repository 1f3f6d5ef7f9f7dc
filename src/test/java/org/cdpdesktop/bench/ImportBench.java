package org.cdpdesktop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.core.sample.SampleDataGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The 1,000,000-row import against its baseline, measured in the same run on the same file: the sqlite3 command-line
 * shell's {@code .import} into a bare table of a fresh database file. A second reference shows what SQLite itself needs
 * to load the file and index the columns the profiles screen filters and sorts on, as the store does. Our import runs
 * as the user would run it, in a child JVM limited to {@code -Xmx256m}, into a fresh data folder. Each runs twice and
 * keeps its best time. Writes {@code target/bench/import.md}. Run: {@code mvn -Pbench test -Dtest=ImportBench}.
 */
@Tag("bench")
class ImportBench {

    private static final int ROWS = 1_000_000;
    private static final int RUNS = 2;
    private static final Path FOLDER = Path.of("target", "bench");
    /** The store's profile indexes, on the file's own columns: every one the file has a column for. */
    private static final String SAME_INDEXES = """
            CREATE INDEX by_cookie ON customers(cookie); CREATE INDEX by_email ON customers(email);
            CREATE INDEX by_age ON customers(age); CREATE INDEX by_income ON customers(income);
            CREATE INDEX by_created ON customers(created_at); CREATE INDEX by_gender ON customers(gender COLLATE NOCASE);
            CREATE INDEX by_country_age ON customers(country COLLATE NOCASE, age); CREATE INDEX by_city ON customers(city COLLATE NOCASE);""";

    @Test
    void importsAMillionRowsAgainstSqliteImport() throws Exception {
        Files.createDirectories(FOLDER);
        requireSqlite();
        Path file = FOLDER.resolve("customers-1m.csv");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SampleDataGenerator.write(writer, ROWS, 42);
        }

        double baseline = Double.MAX_VALUE;
        double indexed = Double.MAX_VALUE;
        double ours = Double.MAX_VALUE;
        double oursImportOnly = Double.MAX_VALUE;
        JsonNode summary = null;
        for (int run = 1; run <= RUNS; run++) {
            Path database = FOLDER.resolve("baseline-" + run + ".db");
            Files.deleteIfExists(database);
            baseline = Math.min(baseline, time(List.of("sqlite3", database.toString(), ".import --csv " + file + " customers"), null));
            Files.deleteIfExists(database);
            indexed = Math.min(indexed, time(List.of("sqlite3", database.toString(), ".import --csv " + file + " customers",
                    SAME_INDEXES), null));

            Path dataDirectory = FOLDER.resolve("data-" + run);
            deleteRecursively(dataDirectory);
            Path output = FOLDER.resolve("import-" + run + ".json");
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    "org.cdpdesktop.Launcher", "--data-dir", dataDirectory.toString(), "import", file.toString()));
            ours = Math.min(ours, time(command, output));
            summary = new ObjectMapper().readTree(Files.readString(output));
            oursImportOnly = Math.min(oursImportOnly, summary.get("seconds").asDouble());
        }

        assertThat(summary.get("read").asLong()).isEqualTo(ROWS);
        assertThat(summary.get("read").asLong()).isEqualTo(summary.get("inserted").asLong() + summary.get("updated").asLong()
                + summary.get("duplicates").asLong() + summary.get("rejected").asLong());
        String report = String.format(Locale.ROOT, """
                | Import of %,d rows (%,d bytes) | Seconds (best of %d) | Rows/s | × baseline |
                |---|---:|---:|---:|
                | Baseline: `sqlite3 .import --csv` into a bare table, fresh db | %.2f | %,.0f | 1.00 |
                | Reference: the same, then the store's profile indexes on the file's columns (8 of its 10) | %.2f | %,.0f | %.2f |
                | CDP Desktop `import` process (child JVM `-Xmx256m`, fresh data folder, segment snapshot included) | %.2f | %,.0f | %.2f |
                | of which the import job itself (its summary's `seconds`) | %.2f | %,.0f | %.2f |

                Target: ≤ 2.0 × baseline. Our import: inserted %,d, duplicates %,d, rejected %,d. Machine: %d cores, %s %s,
                Java %s. Date: %s.
                """, ROWS, Files.size(file), RUNS, baseline, ROWS / baseline, indexed, ROWS / indexed, indexed / baseline,
                ours, ROWS / ours, ours / baseline, oursImportOnly, ROWS / oursImportOnly, oursImportOnly / baseline,
                summary.get("inserted").asLong(), summary.get("duplicates").asLong(), summary.get("rejected").asLong(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), Instant.now());
        Files.writeString(FOLDER.resolve("import.md"), report);
        System.out.println(report);
    }

    private static void requireSqlite() throws InterruptedException {
        try {
            Process process = new ProcessBuilder("sqlite3", "--version").redirectErrorStream(true).start();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            fail("The import benchmark needs the sqlite3 command-line shell as its baseline; install it "
                    + "(Debian/Ubuntu: sudo apt-get install sqlite3) and run again. " + e.getMessage());
        }
        fail("The import benchmark needs a working sqlite3 command-line shell (Debian/Ubuntu: sudo apt-get install sqlite3)");
    }

    /** Wall-clock seconds of a child process, start-up included on both sides. */
    private static double time(List<String> command, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(FOLDER.resolve("stderr.log").toFile());
        builder.redirectOutput(output == null ? FOLDER.resolve("stdout.log").toFile() : output.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            fail("Benchmark step failed: " + String.join(" ", command) + "\n" + Files.readString(FOLDER.resolve("stderr.log")));
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

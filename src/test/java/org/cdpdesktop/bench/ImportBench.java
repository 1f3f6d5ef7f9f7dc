package org.cdpdesktop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cdpdesktop.core.sample.SampleDataGenerator;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
    /** The application's own logging, not the tests': the import logs its phases into the data folder, where the report reads them. */
    private static final String MAIN_LOGGING = "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath();
    /** The store's profile indexes, on the file's own columns: every one the file has a column for. */
    private static final String SAME_INDEXES = """
            CREATE INDEX by_cookie ON customers(cookie); CREATE INDEX by_email ON customers(email);
            CREATE INDEX by_age ON customers(age); CREATE INDEX by_income ON customers(income);
            CREATE INDEX by_created ON customers(created_at); CREATE INDEX by_gender ON customers(gender COLLATE NOCASE);
            CREATE INDEX by_country_age ON customers(country COLLATE NOCASE, age); CREATE INDEX by_city ON customers(city COLLATE NOCASE);""";

    @Test
    void importsAMillionRowsAgainstSqliteImport() throws Exception {
        String load = loadAverage();
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
        String phases = "";
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
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", MAIN_LOGGING, "-cp", System.getProperty("java.class.path"),
                    "org.cdpdesktop.Launcher", "--data-dir", dataDirectory.toString(), "import", file.toString()));
            ours = Math.min(ours, time(command, output));
            summary = new ObjectMapper().readTree(Files.readString(output));
            oursImportOnly = Math.min(oursImportOnly, summary.get("seconds").asDouble());
            phases += "Run " + run + ": " + phases(dataDirectory) + "\n\n";
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

                Target: process ≤ 2.0 × reference (%.2f). Our import: inserted %,d, duplicates %,d, rejected %,d. Machine: %d cores,
                %s %s, Java %s, load average before %s. Date: %s.

                Phases of each run (seconds, from the import's log; CPU and waiting per pipeline thread):

                %s""", ROWS, Files.size(file), RUNS, baseline, ROWS / baseline, indexed, ROWS / indexed, indexed / baseline,
                ours, ROWS / ours, ours / baseline, oursImportOnly, ROWS / oursImportOnly, oursImportOnly / baseline,
                ours / indexed, summary.get("inserted").asLong(), summary.get("duplicates").asLong(), summary.get("rejected").asLong(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), load, Instant.now(), phases);
        Files.writeString(FOLDER.resolve("import.md"), report);
        System.out.println(report);
    }

    /**
     * The same generated customers as CSV, as an {@code .xlsx} sheet (typed cells: numbers, a date-time column, text
     * through the shared-strings table as Excel writes it) and as JSON Lines, each imported once by the {@code import}
     * command in a child JVM limited to {@code -Xmx256m} with a fresh data folder. The child's GC log gives the largest
     * heap in use before a collection and the largest still live after one. {@code -Dbench.rows=N} runs a smaller file (default 1,000,000).
     * Writes {@code target/bench/import-formats.md}.
     */
    @Test
    void importsTheSameCustomersFromCsvExcelAndJsonLines() throws Exception {
        int rows = Integer.getInteger("bench.rows", ROWS);
        Files.createDirectories(FOLDER);
        Path csv = FOLDER.resolve("customers-" + rows + ".csv");
        try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            SampleDataGenerator.write(writer, rows, 42);
        }
        Path xlsx = FOLDER.resolve("customers-" + rows + ".xlsx");
        Path jsonl = FOLDER.resolve("customers-" + rows + ".jsonl");
        writeWorkbookAndJsonLines(csv, xlsx, jsonl);

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                | Import of %,d customers (child JVM `-Xmx256m`, fresh data folder) | File bytes | Seconds | Rows/s | × CSV | Peak heap before GC (MiB) | Peak live heap after GC (MiB) |
                |---|---:|---:|---:|---:|---:|---:|
                """, rows));
        double csvSeconds = 0;
        for (Path file : List.of(csv, xlsx, jsonl)) {
            String format = file.getFileName().toString().substring(file.getFileName().toString().lastIndexOf('.') + 1);
            Path dataDirectory = FOLDER.resolve("data-" + format);
            deleteRecursively(dataDirectory);
            Path output = FOLDER.resolve("import-" + format + ".json");
            Path gcLog = FOLDER.resolve("gc-" + format + ".log");
            List<String> command = List.of(javaBinary(), "-Xmx256m", MAIN_LOGGING, "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
                    "org.cdpdesktop.Launcher", "--data-dir", dataDirectory.toString(), "import", file.toString());
            time(command, output);
            JsonNode summary = new ObjectMapper().readTree(Files.readString(output));
            assertThat(summary.get("format").asText()).isEqualTo(format);
            assertThat(summary.get("read").asLong()).isEqualTo(rows);
            assertThat(summary.get("read").asLong()).isEqualTo(summary.get("inserted").asLong() + summary.get("updated").asLong()
                    + summary.get("duplicates").asLong() + summary.get("rejected").asLong());
            double seconds = summary.get("seconds").asDouble();
            csvSeconds = format.equals("csv") ? seconds : csvSeconds;
            report.append(String.format(Locale.ROOT, "| %s: the import job (its summary's `seconds`; inserted %,d, rejected %,d) | %,d | %.2f | %,.0f | %.2f | %s |%n",
                    format, summary.get("inserted").asLong(), summary.get("rejected").asLong(), Files.size(file), seconds, rows / seconds,
                    seconds / csvSeconds, heapMiB(gcLog)));
        }
        report.append(String.format(Locale.ROOT, "%nMachine: %d cores, %s %s, Java %s. Date: %s.%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"), Instant.now()));
        Files.writeString(FOLDER.resolve("import-formats.md"), report);
        System.out.println(report);
    }

    /**
     * Scale: the generated 10,000,000-row file (override with {@code -Dbench.bigRows=N}) against the 1,000,000-row one,
     * each imported once by the {@code import} command in a child JVM limited to {@code -Xmx256m} with a fresh data
     * folder and a GC log. Time per row of the big file must stay within 1.3 × the small one's, and the heap flat: the
     * largest heap still live after a collection is compared. Writes {@code target/bench/import-scale.md}.
     */
    @Test
    void importsTenMillionRowsInTheSameTimePerRowWithAFlatHeap() throws Exception {
        String load = loadAverage();
        int bigRows = Integer.getInteger("bench.bigRows", 10_000_000);
        Files.createDirectories(FOLDER);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                | Import (child JVM `-Xmx256m`, fresh data folder) | File bytes | Job seconds | Process seconds | µs/row (process) | Peak heap before GC (MiB) | Peak live heap after GC (MiB) |
                |---|---:|---:|---:|---:|---:|---:|
                """));
        StringBuilder phases = new StringBuilder();
        double[] perRow = new double[2];
        int[] sizes = {ROWS, bigRows};
        for (int i = 0; i < sizes.length; i++) {
            int rows = sizes[i];
            Path file = FOLDER.resolve("customers-" + rows + ".csv");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SampleDataGenerator.write(writer, rows, 42);
            }
            Path dataDirectory = FOLDER.resolve("data-scale-" + rows);
            deleteRecursively(dataDirectory);
            Path output = FOLDER.resolve("import-scale-" + rows + ".json");
            Path gcLog = FOLDER.resolve("gc-scale-" + rows + ".log");
            List<String> command = List.of(javaBinary(), "-Xmx256m", MAIN_LOGGING, "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
                    "org.cdpdesktop.Launcher", "--data-dir", dataDirectory.toString(), "import", file.toString());
            double seconds = time(command, output);
            JsonNode summary = new ObjectMapper().readTree(Files.readString(output));
            assertThat(summary.get("read").asLong()).isEqualTo(rows);
            assertThat(summary.get("read").asLong()).isEqualTo(summary.get("inserted").asLong() + summary.get("updated").asLong()
                    + summary.get("duplicates").asLong() + summary.get("rejected").asLong());
            perRow[i] = seconds / rows * 1e6;
            report.append(String.format(Locale.ROOT, "| %,d rows (inserted %,d, duplicates %,d, rejected %,d) | %,d | %.2f | %.2f | %.2f | %s |%n",
                    rows, summary.get("inserted").asLong(), summary.get("duplicates").asLong(), summary.get("rejected").asLong(),
                    Files.size(file), summary.get("seconds").asDouble(), seconds, perRow[i], heapMiB(gcLog)));
            phases.append(String.format(Locale.ROOT, "%,d rows: %s%n%n", rows, phases(dataDirectory)));
            deleteRecursively(dataDirectory);
            Files.delete(file);
        }
        report.append(String.format(Locale.ROOT, """

                Time per row, %,d rows against %,d: %.2f × (target ≤ 1.3). Machine: %d cores, %s %s, Java %s, load average
                before %s. Date: %s.

                Phases (seconds, from the import's log):

                %s""", bigRows, ROWS, perRow[1] / perRow[0], Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), load, Instant.now(), phases));
        Files.writeString(FOLDER.resolve("import-scale.md"), report);
        System.out.println(report);
    }

    /**
     * A second 1,000,000-row file into the store the first one made: rows 500,001 to 1,500,000 of a generation with
     * another seed, so half its customers are the first file's (same cookie, other details: updates) and half are new.
     * Both imports by the {@code import} command in child JVMs limited to {@code -Xmx256m}. {@code -Dbench.secondRows=N}
     * runs both files at N rows instead (default 1,000,000). Writes {@code target/bench/import-second.md}.
     */
    @Test
    void importsASecondMillionRowsHalfNewHalfUpdatesIntoAMillionProfileStore() throws Exception {
        String load = loadAverage();
        int rows = Integer.getInteger("bench.secondRows", ROWS);
        Files.createDirectories(FOLDER);
        Path first = FOLDER.resolve(rows == ROWS ? "customers-1m.csv" : "customers-" + rows + ".csv");
        try (Writer writer = Files.newBufferedWriter(first, StandardCharsets.UTF_8)) {
            SampleDataGenerator.write(writer, rows, 42);
        }
        Path second = FOLDER.resolve(rows == ROWS ? "customers-1m-second.csv" : "customers-" + rows + "-second.csv");
        writeSecondHalfOverlapping(second, rows);
        Path dataDirectory = FOLDER.resolve("data-second");
        deleteRecursively(dataDirectory);
        StringBuilder report = new StringBuilder("""
                | Import (child JVM `-Xmx256m`) | Read | Inserted | Updated | Duplicates | Rejected | Job seconds | Process seconds |
                |---|---:|---:|---:|---:|---:|---:|---:|
                """);
        StringBuilder phases = new StringBuilder();
        for (Path file : List.of(first, second)) {
            Path output = FOLDER.resolve("import-" + file.getFileName() + ".json");
            List<String> command = List.of(javaBinary(), "-Xmx256m", MAIN_LOGGING, "-cp", System.getProperty("java.class.path"),
                    "org.cdpdesktop.Launcher", "--data-dir", dataDirectory.toString(), "import", file.toString());
            double seconds = time(command, output);
            JsonNode summary = new ObjectMapper().readTree(Files.readString(output));
            assertThat(summary.get("read").asLong()).isEqualTo(rows);
            assertThat(summary.get("read").asLong()).isEqualTo(summary.get("inserted").asLong() + summary.get("updated").asLong()
                    + summary.get("duplicates").asLong() + summary.get("rejected").asLong());
            report.append(String.format(Locale.ROOT, "| %s into %s | %,d | %,d | %,d | %,d | %,d | %.2f | %.2f |%n", file.getFileName(),
                    file == first ? "a fresh data folder" : "the first file's store", summary.get("read").asLong(),
                    summary.get("inserted").asLong(), summary.get("updated").asLong(), summary.get("duplicates").asLong(),
                    summary.get("rejected").asLong(), summary.get("seconds").asDouble(), seconds));
            phases.append(file.getFileName()).append(": ").append(phases(dataDirectory)).append("\n\n");
        }
        report.append(String.format(Locale.ROOT, """

                Machine: %d cores, %s %s, Java %s, load average before %s. Date: %s.

                Phases (seconds, from the import's log):

                %s""", Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), load, Instant.now(), phases));
        Files.writeString(FOLDER.resolve("import-second.md"), report);
        System.out.println(report);
    }

    /**
     * Rows {@code rows / 2 + 1} to {@code rows * 3 / 2} of the generator's seed 43: the cookies of the first file's second
     * half, then new ones.
     */
    private static void writeSecondHalfOverlapping(Path second, int rows) throws IOException {
        Path whole = FOLDER.resolve("customers-" + rows * 3 / 2 + "-seed43.csv");
        try (Writer writer = Files.newBufferedWriter(whole, StandardCharsets.UTF_8)) {
            SampleDataGenerator.write(writer, rows * 3 / 2, 43);
        }
        try (BufferedReader in = Files.newBufferedReader(whole, StandardCharsets.UTF_8);
             Writer out = Files.newBufferedWriter(second, StandardCharsets.UTF_8)) {
            out.write(in.readLine());
            out.write('\n');
            long row = 0;
            String line;
            while ((line = in.readLine()) != null) {
                if (++row > rows / 2) {
                    out.write(line);
                    out.write('\n');
                }
            }
        }
        Files.delete(whole);
    }

    /** The CSV's rows as a workbook sheet, written as it streams, and as JSON Lines with numbers as numbers. */
    private static void writeWorkbookAndJsonLines(Path csv, Path xlsx, Path jsonl) throws IOException {
        DateTimeFormatter created = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
        ObjectMapper json = new ObjectMapper();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
             OutputStream out = Files.newOutputStream(xlsx);
             Writer lines = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
            Workbook workbook = new Workbook(out, "CDP Desktop bench", "1.0");
            Worksheet sheet = workbook.newWorksheet("Customers");
            List<String> headers = parser.getHeaderNames();
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
            }
            int r = 1;
            for (CSVRecord record : parser) {
                ObjectNode line = json.createObjectNode();
                for (int c = 0; c < headers.size(); c++) {
                    String header = headers.get(c);
                    String value = record.get(c);
                    boolean number = (header.equals("age") || header.equals("income")) && value.matches("\\d{1,9}");
                    if (value.isEmpty()) {
                        continue;
                    } else if (number) {
                        sheet.value(r, c, Long.parseLong(value));
                        line.put(header, Long.parseLong(value));
                    } else if (header.equals("created_at") && value.length() == 19) {
                        sheet.value(r, c, LocalDateTime.parse(value, created));
                        sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
                        line.put(header, value);
                    } else {
                        sheet.value(r, c, value);
                        line.put(header, value);
                    }
                }
                lines.write(json.writeValueAsString(line));
                lines.write('\n');
                if (r % 10_000 == 0) {
                    sheet.flush();
                }
                r++;
            }
            workbook.finish();
        }
    }

    private static final Pattern PHASE = Pattern.compile("(\\w+)=(\\d+\\.\\d+)s");

    /** The phases the last import into {@code dataDirectory} logged ({@code name=seconds}), in the order logged. */
    private static String phases(Path dataDirectory) throws IOException {
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(dataDirectory.resolve("logs").resolve("cdp-desktop.log"))) {
            if (line.contains(" - Imported ")) {
                found.clear();
            }
            if (line.contains(" - Imported ") || line.contains(" - Committed ") || line.contains(" - After importing ")
                    || line.contains(" - Built ")) {
                Matcher phase = PHASE.matcher(line);
                while (phase.find()) {
                    found.add(phase.group(1) + " " + phase.group(2));
                }
            }
        }
        return String.join(", ", found);
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1") : "unknown";
    }

    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");

    /** The largest heap in use before a collection, and the largest still in use after one (what the import holds). */
    private static String heapMiB(Path gcLog) throws IOException {
        long before = 0;
        long after = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher heap = GC_HEAP.matcher(line);
            if (heap.find()) {
                before = Math.max(before, Long.parseLong(heap.group(1)));
                after = Math.max(after, Long.parseLong(heap.group(2)));
            }
        }
        return before + " | " + after;
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

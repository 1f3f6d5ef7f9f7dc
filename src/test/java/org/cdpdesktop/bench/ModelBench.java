package org.cdpdesktop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.model.BatchPrediction;
import org.cdpdesktop.core.model.CohortModelService;
import org.cdpdesktop.core.model.ModelRegistry;
import org.cdpdesktop.core.profile.JsonColumns;
import org.cdpdesktop.core.sample.SampleDataGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cohort model quality and speed: {@code mvn -B -Pbench test -Dtest=ModelBench} after {@code mvn -B -q package -DskipTests}.
 * A labelled file from the project's generator ({@code generate --labelled}, seed 12) is imported; then the whole
 * {@code train --folds 5 --seed 1} command runs as its own process, and so does scikit-learn (Debian's python3-sklearn:
 * TfidfVectorizer + LogisticRegression, the same stratified 5-fold CV, then a fit on every row) on the very rows the
 * command trains on. Last, the active model predicts and stores a cohort for every profile of a large store.
 * The report goes to target/benchmarks/model.md.
 */
@Tag("bench")
class ModelBench {

    private static final int LABELLED_ROWS = Integer.getInteger("bench.labelledRows", 30_000);
    private static final int PREDICT_ROWS = Integer.getInteger("bench.predictRows", 1_000_000);
    private static final Path JAR = Path.of("target", "cdp-desktop.jar");
    private static final String PYTHON = System.getProperty("bench.python", "/usr/bin/python3");
    private static final String SKLEARN = """
            import sys, time, csv
            from sklearn.feature_extraction.text import TfidfVectorizer
            from sklearn.linear_model import LogisticRegression
            from sklearn.model_selection import StratifiedKFold, cross_val_predict
            from sklearn.metrics import f1_score, accuracy_score
            from sklearn.pipeline import make_pipeline
            texts, labels = [], []
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                for text, label in csv.reader(f, delimiter='\\t'):
                    texts.append(text); labels.append(label)
            pipe = make_pipeline(TfidfVectorizer(lowercase=True, token_pattern=r"[\\w]+"), LogisticRegression(C=1.0, max_iter=1000))
            predicted = cross_val_predict(pipe, texts, labels, cv=StratifiedKFold(5, shuffle=True, random_state=1))
            pipe.fit(texts, labels)
            print(f"{f1_score(labels, predicted, average='macro')} {accuracy_score(labels, predicted)} {len(texts)}")
            """;

    @TempDir
    Path folder;

    @Test
    void trainingMatchesScikitLearnAndBatchPredictionRate() throws Exception {
        assertThat(JAR).as("run mvn -B -q package -DskipTests first").exists();
        List<String> report = new ArrayList<>();
        report.add("# Cohort model benchmark, " + Instant.now());
        report.add("");

        Path labelled = folder.resolve("labelled.csv");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(labelled, StandardCharsets.UTF_8), 1 << 16)) {
            SampleDataGenerator.write(out, LABELLED_ROWS, 12, true);
        }
        Path data = folder.resolve("data");
        run(List.of("--data-dir", data.toString(), "import", labelled.toString()));
        Path rows = folder.resolve("rows.tsv");
        long exported = exportTrainingRows(data.resolve("cdp.db"), rows);

        long started = System.nanoTime();
        JsonNode trained = new ObjectMapper().readTree(run(List.of("--data-dir", data.toString(), "train", "--folds", "5", "--seed", "1")));
        double trainSeconds = (System.nanoTime() - started) / 1e9;

        started = System.nanoTime();
        String[] sklearn = runProcess(List.of(PYTHON, "-c", SKLEARN, rows.toString())).trim().split(" ");
        double sklearnSeconds = (System.nanoTime() - started) / 1e9;

        assertThat(trained.get("trainingRows").asLong()).isEqualTo(exported).isEqualTo(Long.parseLong(sklearn[2]));
        report.add(String.format("Labelled rows generated: %,d; trained on: %,d (profiles with exactly one imported cohort)", LABELLED_ROWS, exported));
        report.add("");
        report.add("| Stratified 5-fold CV, then a fit on all rows | macro-F1 | accuracy | wall time (s) |");
        report.add("|---|---:|---:|---:|");
        report.add(String.format("| scikit-learn TfidfVectorizer + LogisticRegression (baseline) | %.4f | %.4f | %.2f |",
                Double.parseDouble(sklearn[0]), Double.parseDouble(sklearn[1]), sklearnSeconds));
        report.add(String.format("| `cdp-desktop train --folds 5 --seed 1` (whole command, JVM start included) | %.4f | %.4f | %.2f |",
                trained.get("macroF1").asDouble(), trained.get("accuracy").asDouble(), trainSeconds));
        report.add(String.format("| ratio | %+.4f | | %.2f x |", trained.get("macroF1").asDouble() - Double.parseDouble(sklearn[0]),
                trainSeconds / sklearnSeconds));
        report.add("");

        Path big = folder.resolve("big.csv");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(big, StandardCharsets.UTF_8), 1 << 16)) {
            SampleDataGenerator.write(out, PREDICT_ROWS, 42);
        }
        Path bigData = folder.resolve("big");
        run(List.of("--data-dir", bigData.toString(), "import", big.toString()));
        try (Database database = Database.open(bigData.resolve("cdp.db"))) {
            CohortModelService models = new CohortModelService(database, new ModelRegistry(bigData.resolve("models")));
            models.installBundledModel();
            long count = scalar(database, "SELECT count(*) FROM profile");
            started = System.nanoTime();
            long read = database.read(connection -> {
                long n = 0;
                try (var statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT interests, bio FROM profile")) {
                    while (result.next()) {
                        n += JsonColumns.jsonToList(result.getString(1)).size();
                    }
                }
                return n;
            });
            double readSeconds = (System.nanoTime() - started) / 1e9;
            BatchPrediction batch = models.predictAll(null, JobContext.create("bench", JobListener.NONE, new AtomicBoolean()));
            assertThat(batch.profiles()).isEqualTo(count);
            assertThat(read).isPositive();
            report.add("| Batch prediction, bundled model, every profile stored with cohort, confidence and model | profiles | seconds | profiles/s |");
            report.add("|---|---:|---:|---:|");
            report.add(String.format("| Baseline: read every profile's interests and bio, parse the interests JSON | %,d | %.2f | %,.0f |",
                    count, readSeconds, count / readSeconds));
            report.add(String.format("| `predict --all` job (one transaction) | %,d | %.2f | %,.0f |",
                    batch.profiles(), batch.millis() / 1000.0, batch.profilesPerSecond()));
        }
        Path out = Path.of("target", "benchmarks", "model.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    /** The rows the train command learns from, as text and label, in the form the scikit-learn script reads. */
    private static long exportTrainingRows(Path store, Path target) throws Exception {
        try (Database database = Database.open(store); BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            return database.read(connection -> {
                long n = 0;
                try (var statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
                        SELECT p.interests, p.bio, min(c.cohort) FROM profile p JOIN profile_cohort c ON c.profile_id = p.id AND c.source = 'import'
                        GROUP BY p.id HAVING count(*) = 1""")) {
                    while (result.next()) {
                        StringBuilder text = new StringBuilder();
                        for (String interest : JsonColumns.jsonToList(result.getString(1))) {
                            text.append(interest.trim().toLowerCase().replaceAll("\\s+", "_")).append(' ');
                        }
                        if (result.getString(2) != null) {
                            text.append(result.getString(2));
                        }
                        out.write(text.toString().replace('\t', ' ').replace('\n', ' ').replace("\"", "") + "\t" + result.getString(3) + "\n");
                        n++;
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return n;
            });
        }
    }

    private static long scalar(Database database, String sql) {
        return database.read(connection -> {
            try (var statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    private static String run(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(arguments);
        return runProcess(command);
    }

    private static String runProcess(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return out;
    }
}

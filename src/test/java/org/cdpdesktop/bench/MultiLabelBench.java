package org.cdpdesktop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-label cohort thresholds: {@code mvn -B -Pbench test -Dtest=MultiLabelBench} after {@code mvn -B -q package -DskipTests}.
 * A labelled file where profiles carry one to several cohorts, common and rare ones, is generated and imported; the
 * whole {@code train --multi-label --folds 5 --seed 1} command then runs as its own process. Its one JSON line holds
 * the macro F1 with each cohort's own threshold and, as the baseline, with every cohort at one half, both from the
 * same out-of-fold probabilities (same folds, same seed). The report goes to target/benchmarks/multilabel.md.
 */
@Tag("bench")
class MultiLabelBench {

    private static final int ROWS = Integer.getInteger("bench.multiLabelRows", 20_000);
    private static final long SEED = 7;
    private static final Path JAR = Path.of("target", "cdp-desktop.jar");

    /** Cohorts, how often a profile carries each, and the interests their members lean to (some shared). */
    private static final String[] COHORTS = {"Tech Savvy", "Foodies", "Travel Enthusiasts", "Health & Fitness", "Movie & Music Lovers",
        "Outdoor Adventurers", "Gamers", "Book Club"};
    private static final double[] SHARE = {0.35, 0.30, 0.22, 0.18, 0.12, 0.07, 0.04, 0.025};
    private static final String[][] WORDS = {
        {"gadgets", "coding", "robots", "ai", "smartphones", "startups", "electronics", "software"},
        {"cooking", "baking", "wine", "restaurants", "recipes", "coffee", "cheese", "markets"},
        {"flights", "hotels", "beaches", "backpacking", "languages", "cruises", "museums", "hiking"},
        {"yoga", "running", "gym", "nutrition", "cycling", "swimming", "meditation", "hiking"},
        {"movies", "concerts", "vinyl", "podcasts", "jazz", "cinema", "festivals", "streaming"},
        {"camping", "climbing", "kayaking", "fishing", "hiking", "cycling", "backpacking", "birdwatching"},
        {"consoles", "esports", "streaming", "gadgets", "rpg", "puzzles", "boardgames", "coding"},
        {"novels", "poetry", "libraries", "writing", "podcasts", "museums", "history", "puzzles"},
    };
    /** How often an interest comes from one of the profile's cohorts rather than from anywhere. */
    private static final double SIGNAL = Double.parseDouble(System.getProperty("bench.signal", "0.55"));

    @TempDir
    Path folder;

    @Test
    void chosenThresholdsAgainstOneHalfOnTheSameFolds() throws Exception {
        assertThat(JAR).as("run mvn -B -q package -DskipTests first").exists();
        Path labelled = folder.resolve("multi-label.csv");
        long several = write(labelled, ROWS, SEED);
        Path data = folder.resolve("data");
        run(List.of("--data-dir", data.toString(), "import", labelled.toString()));

        long started = System.nanoTime();
        JsonNode trained = new ObjectMapper().readTree(run(List.of("--data-dir", data.toString(), "train", "--multi-label", "--folds", "5", "--seed", "1")));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(trained.get("multiLabel").asBoolean()).isTrue();
        List<String> report = new ArrayList<>();
        report.add("# Multi-label thresholds benchmark, " + Instant.now());
        report.add("");
        report.add(String.format("Rows generated: %,d (seed %d, interests from the profile's cohorts at %.2f), %,d of them with several cohorts; trained on %,d; %.2f cohorts per profile.",
                ROWS, SEED, SIGNAL, several, trained.get("trainingRows").asLong(), trained.get("labelCardinality").asDouble()));
        report.add("");
        report.add("| `train --multi-label --folds 5 --seed 1`, same out-of-fold probabilities | macro-F1 |");
        report.add("|---|---:|");
        report.add(String.format("| Every cohort given from 0.5 (baseline) | %.4f |", trained.get("macroF1AtHalf").asDouble()));
        report.add(String.format("| Each cohort from its own threshold, chosen on the other folds | %.4f |", trained.get("macroF1").asDouble()));
        report.add(String.format("| difference | %+.4f |", trained.get("macroF1").asDouble() - trained.get("macroF1AtHalf").asDouble()));
        report.add("");
        report.add(String.format("Micro-F1 %.4f, subset accuracy %.4f, Hamming loss %.4f; whole command %.1f s.",
                trained.get("microF1").asDouble(), trained.get("subsetAccuracy").asDouble(), trained.get("hammingLoss").asDouble(), seconds));
        report.add("");
        report.add("| Cohort | share | threshold | F1 | recall |");
        report.add("|---|---:|---:|---:|---:|");
        for (JsonNode cohort : trained.get("perClass")) {
            String name = cohort.get("name").asText();
            report.add(String.format("| %s | %.3f | %.3f | %.4f | %.4f |", name, SHARE[List.of(COHORTS).indexOf(name)],
                    trained.get("thresholds").get(name).asDouble(), cohort.get("f1").asDouble(), cohort.get("recall").asDouble()));
        }
        Path out = Path.of("target", "benchmarks", "multilabel.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    /** Writes {@code rows} labelled profiles; returns how many carry several cohorts. */
    static long write(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        long several = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("id,interests,bio,cohort\n");
            for (int row = 0; row < rows; row++) {
                Set<Integer> cohorts = new LinkedHashSet<>();
                for (int c = 0; c < COHORTS.length; c++) {
                    if (random.nextDouble() < SHARE[c]) {
                        cohorts.add(c);
                    }
                }
                if (cohorts.isEmpty()) {
                    cohorts.add(random.nextInt(COHORTS.length));
                }
                several += cohorts.size() > 1 ? 1 : 0;
                List<Integer> own = List.copyOf(cohorts);
                Set<String> interests = new LinkedHashSet<>();
                int count = 2 + own.size() + random.nextInt(2);
                for (int i = 0; i < count; i++) {
                    interests.add(word(random, own));
                }
                String bio = "I enjoy " + word(random, own) + " and " + word(random, own);
                List<String> labels = new ArrayList<>();
                own.forEach(c -> labels.add(COHORTS[c]));
                out.write("m" + row + "," + String.join("|", interests) + "," + bio + ",\"" + String.join("|", labels) + "\"\n");
            }
        }
        return several;
    }

    private static String word(Random random, List<Integer> own) {
        String[] pool = random.nextDouble() < SIGNAL ? WORDS[own.get(random.nextInt(own.size()))] : WORDS[random.nextInt(WORDS.length)];
        return pool[random.nextInt(pool.length)];
    }

    private static String run(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return out;
    }
}

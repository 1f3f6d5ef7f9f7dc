package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDirectory;

    private CliRun run(String... args) {
        String[] withData = new String[args.length + 2];
        withData[0] = "--data-dir";
        withData[1] = dataDirectory.toString();
        System.arraycopy(args, 0, withData, 2, args.length);
        return CliRun.of(withData);
    }

    @Test
    void trainsOnTheLabelledSampleAndPrintsItsFiguresAsOneJsonLine() throws Exception {
        assertThat(run("import", Path.of("sample-data", "customers-labelled.csv").toString()).exitCode()).isZero();

        CliRun train = run("train", "--label", "cohort", "--text", "interests,bio", "--folds", "3", "--seed", "5");

        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out().lines()).hasSize(1);
        JsonNode figures = JSON.readTree(train.out());
        assertThat(figures.get("accuracy").asDouble()).isBetween(0.6, 0.95);
        assertThat(figures.get("macroF1").asDouble()).isBetween(0.6, 0.95);
        assertThat(figures.get("kappa").asDouble()).isPositive();
        assertThat(figures.get("perClass")).hasSize(6);
        assertThat(figures.get("confusionMatrix")).hasSize(6);
        assertThat(figures.get("trainMillis").asLong()).isPositive();
        String modelId = figures.get("modelId").asText();
        assertThat(train.err()).as("progress on stderr, ending with the finished job").contains("100%", "Trained");

        CliRun list = run("models", "list");
        assertThat(JSON.readTree(list.out()).findValuesAsText("id")).contains(modelId);

        assertThat(run("models", "activate", modelId).exitCode()).isZero();
        JsonNode explained = JSON.readTree(run("models", "explain", "--top", "3").out());
        assertThat(explained.get("modelId").asText()).isEqualTo(modelId);
        assertThat(explained.get("cohorts").get(0).get("positive")).hasSize(3);

        JsonNode prediction = JSON.readTree(run("predict", "--text", "coding side projects, new gadgets").out());
        assertThat(prediction.get("cohort").asText()).isEqualTo("Tech Savvy");
        assertThat(prediction.get("reasons").get(0).get("term").asText()).isNotBlank();

        CliRun all = run("predict", "--all");
        assertThat(all.exitCode()).isZero();
        assertThat(JSON.readTree(all.out()).get("profiles").asLong()).isGreaterThan(5000);

        JsonNode drift = JSON.readTree(run("drift").out());
        assertThat(drift.get("modelId").asText()).isEqualTo(modelId);
        assertThat(drift.get("drifted").asBoolean()).as("scored on its own training data").isFalse();
        assertThat(drift.get("features").get(0).get("measure").asText()).isEqualTo("PSI");
    }

    @Test
    void profilesWithSeveralCohortsTrainOneVsRestWithMultiLabelFiguresAndPredictEveryCohortAboveItsThreshold() throws Exception {
        StringBuilder csv = new StringBuilder("id,interests,bio,cohort\n");
        for (int i = 0; i < 15; i++) {
            csv.append("t").append(i).append(",Tech|Gadgets,I build robots,Tech Savvy\n");
            csv.append("f").append(i).append(",Food|Cooking,I bake bread,Foodies\n");
            csv.append("b").append(i).append(",Tech|Food,robots that bake bread,Tech Savvy|Foodies\n");
        }
        Path file = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-several.csv");
        Files.writeString(file, csv);
        assertThat(run("import", file.toString()).exitCode()).isZero();

        CliRun train = run("train", "--folds", "3");

        assertThat(train.exitCode()).as(train.err()).isZero();
        JsonNode figures = JSON.readTree(train.out());
        assertThat(figures.get("multiLabel").asBoolean()).isTrue();
        assertThat(figures.get("trainingRows").asLong()).isEqualTo(45);
        assertThat(figures.get("microF1").asDouble()).isGreaterThan(0.9);
        assertThat(figures.get("hammingLoss").asDouble()).isLessThan(0.1);
        assertThat(figures.get("subsetAccuracy").asDouble()).isGreaterThan(0.8);
        assertThat(figures.has("kappa")).as("undefined for several labels, so not printed").isFalse();
        assertThat(figures.get("perClassConfusion")).hasSize(2);
        assertThat(figures.get("perClassConfusion").get(0).get("truePositives").asLong()).isPositive();
        assertThat(figures.get("thresholds").get("Foodies").asDouble()).isBetween(0.0, 1.0);
        assertThat(figures.get("thresholds").get("Tech Savvy").asDouble()).isBetween(0.0, 1.0);
        assertThat(figures.get("macroF1AtHalf").isNumber()).isTrue();

        assertThat(run("models", "activate", figures.get("modelId").asText()).exitCode()).isZero();
        JsonNode prediction = JSON.readTree(run("predict", "--text", "robots that bake bread").out());
        assertThat(prediction.get("assigned").findValuesAsText("cohort")).containsExactlyInAnyOrder("Tech Savvy", "Foodies");

        CliRun single = run("train", "--folds", "3", "--single-label");
        assertThat(JSON.readTree(single.out()).get("withSeveralLabels").asLong()).isEqualTo(15);
        assertThat(JSON.readTree(single.out()).get("trainingRows").asLong()).isEqualTo(30);
    }

    @Test
    void predictingWithAFieldThatCannotBeALabelExitsOneWithTheReason() {
        CliRun run = run("train", "--label", "email");

        assertThat(run.exitCode()).isEqualTo(RootCommand.EXIT_FAILURE);
        assertThat(run.err()).startsWith("error: \"email\" is not a categorical field");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aFreshDataFolderPredictsATextWithTheBundledModel() throws Exception {
        CliRun run = run("predict", "--text", "morning runs, yoga classes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("cohort").asText()).isEqualTo("Health & Fitness");
    }
}

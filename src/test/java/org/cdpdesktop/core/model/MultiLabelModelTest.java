package org.cdpdesktop.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiLabelModelTest {

    @TempDir
    Path temp;

    private ModelFixture store;

    @BeforeEach
    void open() {
        store = new ModelFixture(temp);
        store.labelled(20, List.of("Tech", "Gadgets"), "I build robots", List.of("Tech Savvy"));
        store.labelled(20, List.of("Food", "Cooking"), "I bake bread", List.of("Foodies"));
        store.labelled(20, List.of("Tech", "Food"), "robots that bake bread", List.of("Tech Savvy", "Foodies"));
        store.labelled(20, List.of("Yoga", "Running"), "morning runs", List.of("Health & Fitness"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void profilesWithSeveralCohortsAreTrainedOneVsRestInsteadOfLeftOut() {
        TrainingResult result = store.train(TrainingSpec.cohorts().withEvaluation(5, 0, 1));

        ModelMetadata model = result.metadata();
        assertThat(model.multiLabel()).isTrue();
        assertThat(model.trainingRows()).isEqualTo(80);
        assertThat(result.withSeveralLabels()).as("counted, and learnt from").isEqualTo(20);
        assertThat(model.classes()).containsExactly("Foodies", "Health & Fitness", "Tech Savvy");
        assertThat(model.spec().labelMode()).isEqualTo(LabelMode.AUTO);
    }

    @Test
    void multiLabelEvaluationReportsPerCohortTwoByTwosAndFiguresThatFollowFromThem() {
        EvaluationReport report = store.train(TrainingSpec.cohorts().withEvaluation(5, 0, 1)).metadata().evaluation();
        EvaluationReport.MultiLabelFigures figures = report.multiLabel();

        assertThat(report.testedRows()).isEqualTo(80);
        assertThat(figures.cardinality()).isCloseTo(100.0 / 80, within(1e-9));
        assertThat(report.perClass()).extracting(EvaluationReport.ClassFigures::support).containsExactly(40L, 20L, 40L);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (EvaluationReport.BinaryConfusion cohort : figures.confusion()) {
            assertThat(cohort.truePositives() + cohort.falsePositives() + cohort.falseNegatives() + cohort.trueNegatives()).isEqualTo(80);
            tp += cohort.truePositives();
            fp += cohort.falsePositives();
            fn += cohort.falseNegatives();
        }
        assertThat(figures.hammingLoss()).isCloseTo((fp + fn) / (80.0 * 3), within(1e-9));
        assertThat(figures.microF1()).isCloseTo(2.0 * tp / (2 * tp + fp + fn), within(1e-9));
        assertThat(figures.microF1()).as("the words tell the cohorts apart").isGreaterThan(0.9);
        assertThat(report.accuracy()).as("subset accuracy").isEqualTo(figures.subsetAccuracy()).isGreaterThan(0.8);
        assertThat(report.kappa()).isNaN();
        assertThat(report.perClass().get(0).rocArea()).isGreaterThan(0.9);
    }

    @Test
    void aProfileGetsEveryCohortAboveTheThresholdEachWithItsOwnReasonsAndKeepsThemAllWhenStored() {
        store.train(TrainingSpec.cohorts().withEvaluation(5, 0, 1));

        Prediction both = store.models.predictText("tech food robots bake bread");
        assertThat(both.assigned()).extracting(Prediction.Assigned::cohort).containsExactlyInAnyOrder("Tech Savvy", "Foodies");
        assertThat(both.assigned()).allSatisfy(cohort -> assertThat(cohort.confidence()).isGreaterThanOrEqualTo(0.5));
        assertThat(both.assigned()).allSatisfy(cohort -> assertThat(cohort.reasons()).isNotEmpty());
        assertThat(store.models.predictText("yoga running").assigned()).extracting(Prediction.Assigned::cohort)
                .containsExactly("Health & Fitness");

        BatchPrediction stored = store.models.predictAll(null, ModelFixture.context());

        assertThat(stored.profiles()).isEqualTo(80);
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE source = 'model' AND profile_id BETWEEN 41 AND 60")).isEqualTo(40);
        assertThat(stored.cohorts().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(store.count("SELECT count(*) FROM profile_cohort WHERE source = 'model'"));
    }

    @Test
    void aMultiLabelModelLoadsBackFromTheRegistryAndPredictsTheSame() {
        ModelMetadata saved = store.train(TrainingSpec.cohorts().withEvaluation(5, 0, 1)).metadata();
        Prediction before = store.models.predictText("robots bake bread");

        CohortModel loaded = new ModelRegistry(store.data.models()).load(saved.id());

        assertThat(loaded.metadata().multiLabel()).isTrue();
        assertThat(loaded.metadata().evaluation().multiLabel()).usingRecursiveComparison().isEqualTo(saved.evaluation().multiLabel());
        assertThat(loaded.predict(FeatureRow.ofText("robots bake bread"), CohortModelService.REASONS)).usingRecursiveComparison().isEqualTo(before);
        assertThat(loaded.topTerms(3)).extracting(CohortTerms::cohort).containsExactly("Foodies", "Health & Fitness", "Tech Savvy");
    }

    @Test
    void aCohortsThresholdIsTheOneWithTheBestF1HalfwayToTheNextLowerProbability() {
        double[] scores = {0.9, 0.4, 0.35, 0.3, 0.1};
        boolean[] members = {true, true, false, true, false};

        assertThat(CohortThresholds.best(scores, members)).as("F1 6/7 from 0.3 on, against 4/5 from 0.4").isCloseTo(0.2, within(1e-12));
        assertThat(CohortThresholds.best(scores, new boolean[5])).as("no member to aim at").isEqualTo(ModelMetadata.DEFAULT_THRESHOLD);
        assertThat(CohortThresholds.best(new double[] {0.2, 0.2, 0.1}, new boolean[] {true, false, false}))
                .as("tied probabilities are given together").isCloseTo(0.15, within(1e-12));
    }

    @Test
    void theChosenThresholdGivesTheBestF1OfEveryPossibleCut() {
        java.util.Random random = new java.util.Random(3);
        for (int run = 0; run < 50; run++) {
            int n = 1 + random.nextInt(60);
            double[] scores = new double[n];
            boolean[] members = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = Math.round(random.nextDouble() * 20) / 20.0;
                members[i] = random.nextDouble() < scores[i];
            }
            double bestByHand = 0;
            for (double cut : scores) {
                bestByHand = Math.max(bestByHand, f1(scores, members, cut));
            }

            double chosen = CohortThresholds.best(scores, members);

            assertThat(f1(scores, members, chosen)).as("run %d", run).isCloseTo(bestByHand, within(1e-12));
        }
    }

    private static double f1(double[] scores, boolean[] members, double threshold) {
        long tp = 0;
        long given = 0;
        long positives = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean said = scores[i] >= threshold;
            tp += said && members[i] ? 1 : 0;
            given += said ? 1 : 0;
            positives += members[i] ? 1 : 0;
        }
        return positives == 0 ? 0 : 2.0 * tp / (given + positives);
    }

    @Test
    void aRareCohortGetsALowerThresholdThanOneHalfAndIsGivenWhereOneHalfNeverGivesIt() {
        store.labelled(6, List.of("Tech", "Chess"), "robots and chess openings", List.of("Tech Savvy", "Chess Club"));
        store.labelled(2, List.of("Food", "Chess"), "bread and chess", List.of("Foodies", "Chess Club"));
        // Strong regularisation keeps a rare cohort's probabilities near its share of profiles, far below one half.
        TrainingSpec spec = new TrainingSpec(LabelKind.COHORT, "", List.of("interests", "bio"), List.of(), Algorithm.LOGISTIC_REGRESSION,
                4, 0, 1, 1, 1, 0.05, 100, LabelMode.MULTI);

        ModelMetadata model = store.train(spec).metadata();

        assertThat(model.thresholds()).containsOnlyKeys(model.classes());
        assertThat(model.threshold("Chess Club")).isLessThan(ModelMetadata.DEFAULT_THRESHOLD);
        EvaluationReport report = model.evaluation();
        assertThat(report.macroF1()).as("tuned against one half, same folds").isGreaterThan(report.multiLabel().macroF1AtHalf());
        EvaluationReport.ClassFigures chess = report.perClass().stream().filter(f -> f.name().equals("Chess Club")).findFirst().orElseThrow();
        assertThat(chess.recall()).isGreaterThan(0.5);
        assertThat(store.models.registry().load(model.id()).predict(FeatureRow.ofText("chess openings"), 0).assigned())
                .extracting(Prediction.Assigned::cohort).contains("Chess Club");
    }

    /** Sets the saved model's Health & Fitness threshold to 0 in its metadata file, as if chosen so; returns the edited metadata. */
    private ObjectNode giveEveryoneHealthAndFitness(ModelMetadata saved) throws IOException {
        Path metadata = store.data.models().resolve(saved.id() + ".json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode edited = (ObjectNode) json.readTree(metadata.toFile());
        ((ObjectNode) edited.get("thresholds")).put("Health & Fitness", 0.0);
        json.writeValue(metadata.toFile(), edited);
        return edited;
    }

    @Test
    void aPredictionGivesEachCohortFromItsOwnThresholdAndMetadataWithoutThresholdsGivesFromOneHalf() throws Exception {
        ModelMetadata saved = store.train(TrainingSpec.cohorts().withEvaluation(5, 0, 1)).metadata();
        ObjectNode edited = giveEveryoneHealthAndFitness(saved);
        Path metadata = store.data.models().resolve(saved.id() + ".json");
        ObjectMapper json = new ObjectMapper();

        CohortModel everyone = new ModelRegistry(store.data.models()).load(saved.id());

        assertThat(everyone.metadata().threshold("Health & Fitness")).isZero();
        assertThat(everyone.metadata().threshold("Foodies")).isEqualTo(saved.threshold("Foodies"));
        assertThat(everyone.predict(FeatureRow.ofText("robots bake bread"), 0).assigned()).extracting(Prediction.Assigned::cohort)
                .as("a threshold of 0 gives the cohort to everyone").contains("Health & Fitness");

        edited.remove("thresholds");
        json.writeValue(metadata.toFile(), edited);
        CohortModel old = new ModelRegistry(store.data.models()).load(saved.id());

        assertThat(Files.readString(metadata)).doesNotContain("thresholds");
        assertThat(old.metadata().thresholds()).isNull();
        assertThat(old.metadata().threshold("Foodies")).isEqualTo(ModelMetadata.DEFAULT_THRESHOLD);
        Prediction prediction = old.predict(FeatureRow.ofText("robots bake bread"), 0);
        assertThat(prediction.assigned()).extracting(Prediction.Assigned::cohort).containsExactlyInAnyOrderElementsOf(
                prediction.scores().stream().filter(score -> score.probability() >= 0.5).map(Prediction.Score::cohort).toList());
    }

    @Test
    void storedPredictionsForABatchOrAStreamFollowTheActiveModelsThresholds() throws Exception {
        ModelMetadata saved = store.train(TrainingSpec.cohorts().withEvaluation(5, 0, 1)).metadata();
        giveEveryoneHealthAndFitness(saved);
        CohortModelService reopened = new CohortModelService(store.database, new ModelRegistry(store.data.models()));
        reopened.activate(saved.id());

        BatchPrediction streamed = reopened.predictProfiles(List.of(1L, 2L, 21L));
        BatchPrediction all = reopened.predictAll(null, ModelFixture.context());

        assertThat(streamed.cohorts()).containsEntry("Health & Fitness", 3L);
        assertThat(all.cohorts()).containsEntry("Health & Fitness", 80L);
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE source = 'model' AND cohort = 'Health & Fitness'")).isEqualTo(80);
    }

    @Test
    void aHoldOutChoosesItsThresholdsWithinItsTrainingPartAndScoresOnlyTheHeldOutProfiles() {
        ModelMetadata model = store.train(TrainingSpec.cohorts().withEvaluation(0, 25, 1)).metadata();

        assertThat(model.evaluation().testedRows()).isEqualTo(20);
        assertThat(model.evaluation().multiLabel().confusion()).allSatisfy(cohort -> assertThat(cohort.truePositives()
                + cohort.falsePositives() + cohort.falseNegatives() + cohort.trueNegatives()).isEqualTo(20));
        assertThat(model.thresholds()).containsOnlyKeys("Foodies", "Health & Fitness", "Tech Savvy");
    }

    @Test
    void eachCohortsTwoByTwoCellsListTheirProfilesAndAreKeptBesideTheModel() {
        TrainingResult trained = store.train(TrainingSpec.cohorts().withEvaluation(5, 0, 1));
        ModelMetadata model = trained.metadata();

        Optional<long[][][]> read = new ModelRegistry(store.data.models()).outcomes(model.id());

        assertThat(model.outcomesSha256()).hasSize(64);
        long[][][] cells = read.orElseThrow();
        assertThat(cells).hasNumberOfRows(3);
        for (int k = 0; k < 3; k++) {
            EvaluationReport.BinaryConfusion counts = model.evaluation().multiLabel().confusion().get(k);
            assertThat(cells[k]).hasNumberOfRows(4);
            assertThat(new long[] {cells[k][0].length, cells[k][1].length, cells[k][2].length, cells[k][3].length})
                    .containsExactly(counts.truePositives(), counts.falsePositives(), counts.falseNegatives(), counts.trueNegatives());
            for (int cell = 0; cell < 4; cell++) {
                assertThat(cells[k][cell]).as("kept as trained, in id order").containsExactly(Arrays.stream(trained.cellProfiles()[k][cell]).sorted().toArray());
            }
        }
        long[] labelledFoodies = LongStream.rangeClosed(21, 60).toArray();
        assertThat(LongStream.concat(Arrays.stream(cells[0][0]), Arrays.stream(cells[0][2])).sorted().toArray())
                .as("Foodies labelled: given or not").containsExactly(labelledFoodies);
        assertThat(LongStream.concat(Arrays.stream(cells[0][1]), Arrays.stream(cells[0][3])).sorted().toArray())
                .as("Foodies not labelled: given or not").containsExactly(LongStream.concat(LongStream.rangeClosed(1, 20), LongStream.rangeClosed(61, 80)).toArray());
    }

    @Test
    void aDamagedMultiLabelOutcomesLineGivesAnErrorNamingIt() {
        String header = Outcomes.HEADER + "\n1\t0,2\t2\n";

        assertThat(Outcomes.readCohorts(header.getBytes(StandardCharsets.US_ASCII), 3, "x.outcomes")[2][0]).containsExactly(1L);
        for (String damaged : List.of("2\t0,0\t1\n", "2\t\t1\n", "2\t0,3\t1\n", "2\t0;1\t1\n")) {
            assertThatThrownBy(() -> Outcomes.readCohorts((header + damaged).getBytes(StandardCharsets.US_ASCII), 3, "x.outcomes"))
                    .isInstanceOf(ModelException.class)
                    .hasMessage("The outcomes file x.outcomes is damaged at line 3; its cells cannot list profiles");
        }
        assertThatThrownBy(() -> Outcomes.read(header.getBytes(StandardCharsets.US_ASCII), 3, "x.outcomes"))
                .as("a single-label model's file names one class each").hasMessageContaining("damaged at line 2");
    }

    @Test
    void aFewProfilesWithSeveralCohortsLeaveTheModelSingleLabelUnlessSeveralAreAskedFor() {
        store.labelled(400, List.of("Yoga"), "gym", List.of("Health & Fitness"));

        TrainingResult chosen = store.train(TrainingSpec.cohorts().withEvaluation(5, 0, 1));
        TrainingResult asked = store.train(TrainingSpec.cohorts().withEvaluation(5, 0, 1).withLabelMode(LabelMode.MULTI));

        assertThat(20.0 / 480).isLessThan(LabelMode.AUTO_MULTI_SHARE);
        assertThat(chosen.metadata().multiLabel()).isFalse();
        assertThat(chosen.withSeveralLabels()).isEqualTo(20);
        assertThat(asked.metadata().multiLabel()).isTrue();
        assertThat(asked.metadata().trainingRows()).isEqualTo(480);
    }

    @Test
    void singleLabelChosenExplicitlyLeavesProfilesWithSeveralCohortsOut() {
        TrainingResult result = store.train(TrainingSpec.cohorts().withEvaluation(5, 0, 1).withLabelMode(LabelMode.SINGLE));

        assertThat(result.metadata().multiLabel()).isFalse();
        assertThat(result.metadata().trainingRows()).isEqualTo(60);
        assertThat(result.withSeveralLabels()).isEqualTo(20);
    }

    @Test
    void severalLabelsNeedImportedCohortsAndLogisticRegression() {
        assertThatThrownBy(() -> new TrainingSpec(LabelKind.COHORT, "", List.of("bio"), List.of(), Algorithm.NAIVE_BAYES,
                5, 0, 1, 1, 1, 1.0, 100, LabelMode.MULTI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one-vs-rest with logistic regression");
        assertThatThrownBy(() -> new TrainingSpec(LabelKind.FIELD, "gender", List.of("bio"), List.of(), Algorithm.LOGISTIC_REGRESSION,
                5, 0, 1, 1, 1, 1.0, 100, LabelMode.MULTI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from imported cohorts only");
    }
}

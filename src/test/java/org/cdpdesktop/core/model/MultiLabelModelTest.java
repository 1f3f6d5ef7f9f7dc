package org.cdpdesktop.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
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

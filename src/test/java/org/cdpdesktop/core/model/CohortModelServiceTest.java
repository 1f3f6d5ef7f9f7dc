package org.cdpdesktop.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortModelServiceTest {

    @TempDir
    Path temp;

    private ModelFixture store;

    @BeforeEach
    void open() {
        store = new ModelFixture(temp);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void techAndFoodWithFourMislabelled() {
        store.profiles(20, List.of("Tech", "Gadgets"), "I build robots", "Tech Savvy");
        store.profiles(20, List.of("Food", "Cooking"), "I bake bread", "Foodies");
        store.profiles(4, List.of("Tech", "Gadgets"), "I build robots", "Foodies");
    }

    @Test
    void crossValidationReportsTheFiguresOfAKnownConfusionMatrix() {
        techAndFoodWithFourMislabelled();

        EvaluationReport report = store.train(TrainingSpec.cohorts().withEvaluation(4, 0, 7)).metadata().evaluation();

        assertThat(report.method()).isEqualTo("4-fold cross-validation");
        assertThat(report.classes()).containsExactly("Foodies", "Tech Savvy");
        // Actual Foodies: 20 right, 4 (who look like techies) called Tech Savvy; every techie right.
        assertThat(report.confusionMatrix()).isEqualTo(new long[][] {{20, 4}, {0, 20}});
        assertThat(report.testedRows()).isEqualTo(44);
        assertThat(report.accuracy()).isCloseTo(40.0 / 44, within(1e-9));
        double expectedChance = (24.0 / 44) * (20.0 / 44) + (20.0 / 44) * (24.0 / 44);
        assertThat(report.kappa()).isCloseTo((40.0 / 44 - expectedChance) / (1 - expectedChance), within(1e-9));
        EvaluationReport.ClassFigures foodies = report.perClass().get(0);
        assertThat(foodies.support()).isEqualTo(24);
        assertThat(foodies.precision()).isCloseTo(1.0, within(1e-9));
        assertThat(foodies.recall()).isCloseTo(20.0 / 24, within(1e-9));
        double f1 = 2 * (20.0 / 24) / (1 + 20.0 / 24);
        assertThat(foodies.f1()).isCloseTo(f1, within(1e-9));
        assertThat(report.perClass().get(1).precision()).isCloseTo(20.0 / 24, within(1e-9));
        assertThat(report.macroF1()).isCloseTo(f1, within(1e-9));
        assertThat(report.weightedF1()).isCloseTo(f1, within(1e-9));
        assertThat(foodies.rocArea()).isNotNull();
    }

    @Test
    void theProfilesBehindEachConfusionCellAreKnown() {
        techAndFoodWithFourMislabelled();

        TrainingResult result = store.train(TrainingSpec.cohorts().withEvaluation(4, 0, 7));

        assertThat(result.cellProfiles()[0][1]).containsExactlyInAnyOrder(41, 42, 43, 44);
        assertThat(result.cellProfiles()[1][1]).hasSize(20);
    }

    @Test
    void aHoldOutRunTestsOnlyItsShare() {
        techAndFoodWithFourMislabelled();

        EvaluationReport report = store.train(TrainingSpec.cohorts().withEvaluation(10, 25, 3)).metadata().evaluation();

        assertThat(report.method()).isEqualTo("25% hold-out");
        assertThat(report.testedRows()).isEqualTo(11);
    }

    @Test
    void profilesWithoutOrWithSeveralLabelsAreCountedNotSilentlyDroppedWhenOneLabelPerProfileIsChosen() {
        techAndFoodWithFourMislabelled();
        store.profiles(3, List.of("Travel"), null, null);
        store.database.write(connection -> connection.createStatement().executeUpdate(
                "INSERT INTO profile_cohort(profile_id, cohort, source, assigned_at) VALUES (1, 'Travel', 'import', 't')"));

        TrainingResult result = store.train(TrainingSpec.cohorts().withEvaluation(4, 0, 7).withLabelMode(LabelMode.SINGLE));

        assertThat(result.withoutLabel()).isEqualTo(3);
        assertThat(result.withSeveralLabels()).isEqualTo(1);
        assertThat(result.metadata().trainingRows()).isEqualTo(43);
    }

    @Test
    void aCellsProfilesDeletedOrReplacedUnderTheSameIdSinceTrainingAreLeftOut() {
        techAndFoodWithFourMislabelled();
        store.database.write(connection -> connection.createStatement().executeUpdate("UPDATE profile SET created_at = '2026-01-01T00:00:00Z'"));
        TrainingResult result = store.train(TrainingSpec.cohorts().withEvaluation(4, 0, 7));
        long[] cell = store.models.cellProfiles(result.metadata().id()).orElseThrow()[0][1];
        assertThat(cell).containsExactlyInAnyOrder(41, 42, 43, 44);

        store.database.write(connection -> connection.createStatement().executeUpdate("DELETE FROM profile WHERE id IN (43, 44)"));
        store.database.write(connection -> connection.createStatement().executeUpdate("INSERT INTO profile(id, external_id, created_at, updated_at)"
                + " VALUES (44, 'someone-else', '" + Instant.now().plusSeconds(1) + "', 't')"));

        assertThat(store.models.stillStored(result.metadata(), cell)).containsExactlyInAnyOrder(41, 42);
    }

    @Test
    void aLabelAllProfilesShareIsRefusedWithItsReason() {
        store.profiles(12, List.of("Tech"), null, "Tech Savvy");

        assertThatThrownBy(() -> store.train(TrainingSpec.cohorts()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("same cohort (\"Tech Savvy\")");
    }

    @Test
    void aPlantedStrongTermLeadsItsCohortsTermsAndExplainsAPrediction() {
        store.profiles(30, List.of("Music", "Zebra"), "weekend plans", "Safari");
        store.profiles(30, List.of("Music", "Movies"), "weekend plans", "Cinema");
        store.profiles(30, List.of("Music", "Concerts"), "weekend plans", "Live");
        CohortModel model = store.models.model(store.train(TrainingSpec.cohorts().withEvaluation(3, 0, 1)).metadata().id());

        CohortTerms safari = model.topTerms(5).stream().filter(t -> t.cohort().equals("Safari")).findFirst().orElseThrow();
        assertThat(safari.positive().get(0).term()).isEqualTo("zebra");
        assertThat(safari.negative()).extracting(TermWeight::term).doesNotContain("zebra");

        Prediction prediction = store.models.predictText("zebra and music");
        assertThat(prediction.cohort()).isEqualTo("Safari");
        assertThat(prediction.confidence()).isGreaterThan(0.5);
        assertThat(prediction.reasons().get(0).term()).isEqualTo("zebra");
        assertThat(prediction.reasons().get(0).weight()).isPositive();
    }

    @Test
    void batchPredictionStoresCohortConfidenceAndModelBesideImportedLabelsAndNeverTrainsOnThem() {
        techAndFoodWithFourMislabelled();
        store.profiles(6, List.of("Cooking"), null, null);
        TrainingResult first = store.train(TrainingSpec.cohorts().withEvaluation(4, 0, 7));
        assertThat(first.activated()).isTrue();

        BatchPrediction batch = store.models.predictAll(null, ModelFixture.context());

        assertThat(batch.profiles()).isEqualTo(50);
        assertThat(batch.modelId()).isEqualTo(first.metadata().id());
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE source = 'model'")).isEqualTo(50);
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE source = 'model' AND profile_id > 44 AND cohort = 'Foodies'"
                + " AND confidence > 0.5 AND model_version = '" + first.metadata().id() + "'")).isEqualTo(6);
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE source = 'import'")).isEqualTo(44);

        TrainingResult again = store.train(TrainingSpec.cohorts().withEvaluation(4, 0, 7));
        assertThat(again.metadata().trainingRows()).isEqualTo(44);
        assertThat(again.withoutLabel()).isEqualTo(6);

        store.models.predictAll(null, ModelFixture.context());
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE source = 'model'")).as("replaced, not added").isEqualTo(50);
    }

    @Test
    void predictingChosenProfilesStoresOnlyTheirCohortsAndLeavesTheFollowUpToTheCaller() {
        techAndFoodWithFourMislabelled();
        store.profiles(6, List.of("Cooking"), null, null);
        store.train(TrainingSpec.cohorts().withEvaluation(4, 0, 7));
        List<BatchPrediction> followed = new java.util.ArrayList<>();
        store.models.onPredicted(followed::add);

        BatchPrediction batch = store.models.predictProfiles(List.of(45L, 46L, 50L));

        assertThat(batch.profiles()).isEqualTo(3);
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE source = 'model'")).isEqualTo(3);
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE source = 'model' AND profile_id IN (45, 46, 50)"
                + " AND cohort = 'Foodies'")).isEqualTo(3);
        assertThat(followed).isEmpty();
    }

    @Test
    void aFreshDataFolderPredictsAtOnceWithTheBundledModel() {
        assertThat(store.models.installBundledModel()).isTrue();

        Prediction prediction = store.models.predictText("street food, baking sourdough, wine bars");

        assertThat(prediction.cohort()).isEqualTo("Foodies");
        assertThat(prediction.reasons()).extracting(TermWeight::term).contains("wine");
        assertThat(store.models.active().orElseThrow().metadata().classes())
                .contains("Tech Savvy", "Foodies", "Travel", "Movie & Music Lovers", "Mixed/Other");
        assertThat(store.models.installBundledModel()).as("only into a registry without models").isFalse();
    }

    @Test
    void aLargeBatchPredictedOnSeveralThreadsStoresEveryProfileOnce() {
        techAndFoodWithFourMislabelled();
        store.train(TrainingSpec.cohorts().withEvaluation(4, 0, 7));
        store.profiles(24_000, List.of("Cooking"), "I bake bread", null);

        BatchPrediction batch = store.models.predictAll(null, ModelFixture.context());

        assertThat(batch.profiles()).isEqualTo(24_044);
        assertThat(store.count("SELECT count(DISTINCT profile_id) FROM profile_cohort WHERE source = 'model'")).isEqualTo(24_044);
        assertThat(store.count("SELECT count(*) FROM profile_cohort WHERE source = 'model' AND profile_id > 44 AND cohort = 'Foodies'"))
                .isEqualTo(24_000);
        assertThat(batch.cohorts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(24_044);
    }
}

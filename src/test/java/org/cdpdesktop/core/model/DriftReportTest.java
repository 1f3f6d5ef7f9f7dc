package org.cdpdesktop.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftReportTest {

    @TempDir
    Path temp;

    private ModelFixture store;

    @BeforeEach
    void open() {
        store = new ModelFixture(temp);
        store.profiles(20, List.of("Tech", "Gadgets"), "robots", "Tech Savvy");
        store.profiles(20, List.of("Food", "Cooking"), "bread", "Foodies");
        store.database.write(connection -> connection.createStatement().executeUpdate("UPDATE profile SET age = 20 + id % 10"));
        store.train(TrainingSpec.cohorts().withEvaluation(4, 0, 1));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theTrainingDataItselfHasNotDrifted() {
        DriftReport report = store.models.drift();

        assertThat(report.drifted()).isFalse();
        assertThat(report.features().get(0).feature()).startsWith("Terms");
        assertThat(report.features().get(0).value()).isCloseTo(0, within(1e-9));
        assertThat(report.features()).anySatisfy(f -> assertThat(f.feature()).isEqualTo("age"));
    }

    @Test
    void newInterestsAndOlderCustomersShowAsDriftWithTheTermsThatMoved() {
        store.profiles(60, List.of("Food", "Wine"), "bread", null);
        store.database.write(connection -> connection.createStatement().executeUpdate("UPDATE profile SET age = 70 WHERE id > 40"));
        store.models.predictAll(null, ModelFixture.context());

        DriftReport report = store.models.drift();

        assertThat(report.drifted()).isTrue();
        assertThat(report.currentRows()).isEqualTo(100);
        assertThat(report.drifting()).extracting(DriftReport.FeatureDrift::feature)
                .contains("age", "Cohort mix (predicted vs trained)");
        assertThat(report.features()).anySatisfy(f -> {
            assertThat(f.feature()).isEqualTo("term \"tech\"");
            assertThat(f.before()).isEqualTo("50.0% of profiles");
            assertThat(f.after()).isEqualTo("20.0% of profiles");
        });
    }

    @Test
    void psiAndKsGiveTheirTextbookValues() {
        assertThat(DriftReport.psi(Map.of("a", 0.5, "b", 0.5), Map.of("a", 0.5, "b", 0.5))).isZero();
        assertThat(DriftReport.psi(Map.of("a", 0.5, "b", 0.5), Map.of("a", 0.9, "b", 0.1)))
                .isCloseTo(0.4 * Math.log(1.8) + 0.4 * Math.log(5), within(1e-9));
        List<Double> uniform = new ArrayList<>();
        List<Double> shifted = new ArrayList<>();
        for (int q = 0; q <= 100; q++) {
            uniform.add(q / 100.0);
            shifted.add(q / 100.0 + 0.5);
        }
        assertThat(DriftReport.ks(uniform, uniform)).isZero();
        assertThat(DriftReport.ks(uniform, shifted)).isCloseTo(0.5, within(0.02));
    }
}

package org.cdpdesktop.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    @TempDir
    Path temp;

    private ModelFixture store;

    @BeforeEach
    void open() {
        store = new ModelFixture(temp);
        store.profiles(15, List.of("Tech", "Gadgets"), "robots", "Tech Savvy");
        store.profiles(15, List.of("Food", "Cooking"), "bread", "Foodies");
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** What an attacker would plant: any serialisable class that is not Weka's. */
    record Foreign(String command) implements Serializable {
    }

    @Test
    void aSavedModelLoadsBackWithItsMetadataAndPredictsTheSame() {
        ModelMetadata saved = store.train(TrainingSpec.cohorts().withEvaluation(3, 0, 1)).metadata();

        ModelRegistry reopened = new ModelRegistry(store.data.models());
        CohortModel loaded = reopened.load(saved.id());

        assertThat(reopened.activeId()).contains(saved.id());
        assertThat(reopened.list()).extracting(ModelMetadata::id).containsExactly(saved.id());
        assertThat(loaded.metadata()).usingRecursiveComparison().ignoringFields("parameters").isEqualTo(saved);
        assertThat(loaded.metadata().spec()).isEqualTo(saved.spec());
        assertThat(saved.sha256()).hasSize(64);
        assertThat(saved.classes()).containsExactly("Foodies", "Tech Savvy");
        assertThat(saved.trainingRows()).isEqualTo(30);
        assertThat(saved.spec()).isEqualTo(TrainingSpec.cohorts().withEvaluation(3, 0, 1));
        Prediction before = store.models.predictText("gadgets");
        Prediction after = loaded.predict(FeatureRow.ofText("gadgets"), 5);
        assertThat(after).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void theEvaluationsProfilesPerCellAreKeptBesideTheModelAndReadBackByAnotherRegistry() {
        TrainingResult trained = store.train(TrainingSpec.cohorts().withEvaluation(3, 0, 1));

        Optional<long[][][]> read = new ModelRegistry(store.data.models()).outcomes(trained.metadata().id());

        assertThat(trained.metadata().outcomesSha256()).hasSize(64);
        assertThat(read).hasValueSatisfying(cells -> assertThat(cells).isDeepEqualTo(trained.cellProfiles()));
        long tested = Arrays.stream(read.orElseThrow()).flatMap(Arrays::stream).mapToLong(cell -> cell.length).sum();
        assertThat(tested).isEqualTo(30);
    }

    @Test
    void metadataSavedBeforeOutcomesWereKeptStillLoadsAndHasNoCells() throws IOException {
        ModelMetadata saved = store.train(TrainingSpec.cohorts().withEvaluation(3, 0, 1)).metadata();
        Path metadata = store.data.models().resolve(saved.id() + ".json");
        Files.writeString(metadata, Files.readString(metadata)
                .replaceAll("(?s),\\s*\"outcomesSha256\"\\s*:\\s*\"[0-9a-f]+\"", "")
                .replaceAll("(?s),\\s*\"multiLabel\"\\s*:\\s*(false|null)", ""));
        Files.delete(store.data.models().resolve(saved.id() + ".outcomes"));

        ModelRegistry reopened = new ModelRegistry(store.data.models());

        assertThat(Files.readString(metadata)).doesNotContain("outcomesSha256").doesNotContain("multiLabel");
        assertThat(reopened.load(saved.id()).metadata().outcomesSha256()).isNull();
        assertThat(reopened.load(saved.id()).metadata().multiLabel()).isFalse();
        assertThat(reopened.outcomes(saved.id())).isEmpty();
    }

    @Test
    void anOutcomesFileChangedAfterSavingIsRefused() throws IOException {
        ModelMetadata saved = store.train(TrainingSpec.cohorts().withEvaluation(3, 0, 1)).metadata();
        Path file = store.data.models().resolve(saved.id() + ".outcomes");
        Files.writeString(file, Files.readString(file).replaceFirst("\t0\n", "\t1\n"));

        assertThatThrownBy(() -> new ModelRegistry(store.data.models()).outcomes(saved.id()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("does not match the checksum");
    }

    @Test
    void aDamagedOutcomesFileGivesAnErrorNamingItsLine() {
        byte[] damaged = (Outcomes.HEADER + "\n1\t0\t1\n2\t7\t0\n").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Outcomes.read(damaged, 2, "x.outcomes"))
                .isInstanceOf(ModelException.class)
                .hasMessage("The outcomes file x.outcomes is damaged at line 3; its cells cannot list profiles");
        assertThatThrownBy(() -> Outcomes.read("rm -rf /\n".getBytes(StandardCharsets.US_ASCII), 2, "x.outcomes"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("is not a CDP Desktop outcomes file");
    }

    @Test
    void aModelFileChangedAfterSavingIsRefused() throws IOException {
        ModelMetadata saved = store.train(TrainingSpec.cohorts().withEvaluation(3, 0, 1)).metadata();
        Path file = store.data.models().resolve(saved.id() + ".model");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);

        assertThatThrownBy(() -> new ModelRegistry(store.data.models()).load(saved.id()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("does not match the checksum");
    }

    @Test
    void aForeignClassIsRefusedEvenWhenItsChecksumMatches() throws IOException {
        ModelMetadata saved = store.train(TrainingSpec.cohorts().withEvaluation(3, 0, 1)).metadata();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Foreign("rm -rf"));
            out.writeObject(new Foreign("again"));
        }
        Files.write(store.data.models().resolve("planted.model"), bytes.toByteArray());
        Files.writeString(store.data.models().resolve("planted.json"),
                Files.readString(store.data.models().resolve(saved.id() + ".json"))
                        .replace(saved.sha256(), ModelRegistry.sha256(bytes.toByteArray()))
                        .replace(saved.id(), "planted"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new ModelRegistry(store.data.models()).activate("planted"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("not part of a model")
                .hasMessageContaining(Foreign.class.getName());
        assertThat(new ModelRegistry(store.data.models()).activeId()).as("the active model is unchanged").contains(saved.id());
    }

    @Test
    void theInputFilterAdmitsWekaAndRejectsOtherClasses() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>(List.of(new Foreign("x"))));
        }

        assertThatThrownBy(() -> ModelRegistry.readObjects(bytes.toByteArray(), 1, "list.bin"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(Foreign.class.getName());
    }

    @Test
    void anIdThatCouldLeaveTheFolderIsRefused() {
        assertThatThrownBy(() -> new ModelRegistry(store.data.models()).load("../cdp"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("is not a model id");
    }
}

package org.cdpdesktop.core.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Instances;

/**
 * The models in the data folder's {@code models/}: per model a Weka file ({@code ID.model}) and its metadata
 * ({@code ID.json}, with the file's SHA-256), and an {@code active} file naming the model that predicts.
 * A model file is read only when its checksum matches, and then only through an allow-list of Weka's and the
 * JDK's classes: a changed or foreign file is refused before any of its objects is built.
 */
public final class ModelRegistry {

    /** The largest model file read; a vocabulary of a million terms with ten classes stays well below it. */
    static final long MAX_MODEL_BYTES = 512L * 1024 * 1024;
    static final ObjectInputFilter MODEL_CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;maxarray=200000000;maxbytes=" + MAX_MODEL_BYTES
            + ";weka.**;de.bwaldvogel.liblinear.*;org.cdpdesktop.core.model.ExplainableLibLinear;org.cdpdesktop.core.model.OneVsRest;java.lang.*;java.util.*;java.text.*;java.math.*;java.io.File;!*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    static {
        WekaRuntime.prepare();
    }

    private final Path folder;

    public ModelRegistry(Path folder) {
        this.folder = folder;
    }

    /** Writes {@code model} and its metadata (with the file's checksum); returns the metadata as saved. */
    public ModelMetadata save(CohortModel model) {
        return save(model, null);
    }

    /**
     * Writes {@code model}, the evaluation's per-profile outcomes ({@code cells[actual][predicted]} holds the profile
     * ids of that confusion-matrix cell, or for a multi-label model {@code cells[cohort][cell]} those of each cohort's
     * 2x2 as in {@link ConfusionCells}; null for none) and the metadata with both files' checksums.
     */
    public ModelMetadata save(CohortModel model, long[][][] cells) {
        ModelMetadata metadata = model.metadata();
        checkId(metadata.id());
        try {
            Files.createDirectories(folder);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(model.header());
                out.writeObject(model.learner());
            }
            byte[] content = bytes.toByteArray();
            ModelMetadata saved = metadata.withSha256(sha256(content));
            if (cells != null) {
                byte[] outcomes = metadata.multiLabel() ? Outcomes.writeCohorts(cells) : Outcomes.write(cells);
                writeAtomically(outcomesFile(saved.id()), outcomes);
                saved = saved.withOutcomesSha256(sha256(outcomes));
            }
            writeAtomically(modelFile(saved.id()), content);
            writeAtomically(metadataFile(saved.id()), JSON.writeValueAsBytes(saved));
            return saved;
        } catch (IOException e) {
            throw new ModelException("Cannot save the model in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Every model's metadata, newest first; a metadata file that does not parse is left out. */
    public List<ModelMetadata> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<ModelMetadata> models = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    models.add(JSON.readValue(file.toFile(), ModelMetadata.class));
                } catch (IOException unreadable) {
                    LOG.warn("Skipping unreadable model metadata {}", file, unreadable);
                }
            }
        } catch (IOException e) {
            throw new ModelException("Cannot list the models in " + folder + ": " + e.getMessage(), e);
        }
        models.sort(Comparator.comparing(ModelMetadata::created).reversed());
        return models;
    }

    public Optional<ModelMetadata> metadata(String id) {
        checkId(id);
        Path file = metadataFile(id);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ModelMetadata.class));
        } catch (IOException e) {
            throw new ModelException("The metadata of model " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The active model's id, if one is chosen and still present. */
    public Optional<String> activeId() {
        try {
            String id = Files.readString(folder.resolve("active"), StandardCharsets.UTF_8).trim();
            return ID.matcher(id).matches() && Files.exists(metadataFile(id)) ? Optional.of(id) : Optional.empty();
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ModelException("Cannot read which model is active: " + e.getMessage(), e);
        }
    }

    /** Makes {@code id} the model that predicts; it must load, so a broken model never becomes active. */
    public CohortModel activate(String id) {
        CohortModel model = load(id);
        markActive(id);
        return model;
    }

    /** Records {@code id} as the active model without loading it; for a model the application itself ships. */
    void markActive(String id) {
        checkId(id);
        try {
            writeAtomically(folder.resolve("active"), id.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ModelException("Cannot make " + id + " the active model: " + e.getMessage(), e);
        }
    }

    /** Loads model {@code id}, after checking its file against the checksum in its metadata. */
    public CohortModel load(String id) {
        ModelMetadata metadata = metadata(id).orElseThrow(() -> new ModelException("There is no model " + id + " in " + folder));
        Path file = modelFile(id);
        byte[] content;
        try {
            if (Files.size(file) > MAX_MODEL_BYTES) {
                throw new ModelException("The model file " + file.getFileName() + " is larger than " + MAX_MODEL_BYTES / (1024 * 1024) + " MB; it is not loaded");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelException("Cannot read the model file " + file.getFileName() + ": " + e.getMessage(), e);
        }
        if (metadata.sha256() == null || !metadata.sha256().equalsIgnoreCase(sha256(content))) {
            throw new ModelException("The model file " + file.getFileName() + " does not match the checksum in its metadata:"
                    + " it was changed or damaged after it was saved, so it is not loaded");
        }
        Object[] objects = readObjects(content, 2, file.getFileName().toString());
        if (objects[0] instanceof Instances header && objects[1] instanceof FilteredClassifier classifier && !metadata.multiLabel()) {
            return new CohortModel(metadata, header, classifier);
        }
        if (objects[0] instanceof Instances header && objects[1] instanceof OneVsRest oneVsRest && metadata.multiLabel()) {
            return new CohortModel(metadata, header, oneVsRest);
        }
        throw new ModelException("The file " + file.getFileName() + " is not a CDP Desktop model of the kind its metadata names");
    }

    /** Reads {@code count} objects from {@code content}, admitting only the classes a model is made of. */
    static Object[] readObjects(byte[] content, int count, String name) {
        String[] refusedClass = {null};
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(content))) {
            in.setObjectInputFilter(info -> {
                ObjectInputFilter.Status status = MODEL_CLASSES.checkInput(info);
                if (status == ObjectInputFilter.Status.REJECTED && refusedClass[0] == null) {
                    refusedClass[0] = info.serialClass() == null ? "a stream past the size limits" : info.serialClass().getName();
                }
                return status;
            });
            Object[] objects = new Object[count];
            for (int i = 0; i < count; i++) {
                objects[i] = in.readObject();
            }
            return objects;
        } catch (InvalidClassException refused) {
            throw new ModelException("The file " + name + " holds what is not part of a model (" + refusedClass[0]
                    + "); it is not loaded", refused);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new ModelException("The file " + name + " is not a readable model: " + e.getMessage(), e);
        }
    }

    /**
     * The profiles in each cell of model {@code id}'s confusion matrix, or of each cohort's 2x2 for a multi-label model
     * (shaped as {@link #save(CohortModel, long[][][])} takes them), as its evaluation left them; empty for a model
     * saved without them. The file is read only when its checksum matches the metadata's and it is below a size cap.
     */
    public Optional<long[][][]> outcomes(String id) {
        ModelMetadata metadata = metadata(id).orElseThrow(() -> new ModelException("There is no model " + id + " in " + folder));
        Path file = outcomesFile(id);
        if (metadata.outcomesSha256() == null || !Files.exists(file)) {
            return Optional.empty();
        }
        byte[] content;
        try {
            if (Files.size(file) > Outcomes.MAX_BYTES) {
                throw new ModelException("The outcomes file " + file.getFileName() + " is larger than "
                        + Outcomes.MAX_BYTES / (1024 * 1024) + " MB; it is not read");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelException("Cannot read the outcomes file " + file.getFileName() + ": " + e.getMessage(), e);
        }
        if (!metadata.outcomesSha256().equalsIgnoreCase(sha256(content))) {
            throw new ModelException("The outcomes file " + file.getFileName() + " does not match the checksum in its metadata:"
                    + " it was changed or damaged after it was saved, so it is not read");
        }
        int classes = metadata.evaluation().classes().size();
        String name = file.getFileName().toString();
        return Optional.of(metadata.multiLabel() ? Outcomes.readCohorts(content, classes, name) : Outcomes.read(content, classes, name));
    }

    Path outcomesFile(String id) {
        checkId(id);
        return folder.resolve(id + ".outcomes");
    }

    Path modelFile(String id) {
        checkId(id);
        return folder.resolve(id + ".model");
    }

    Path metadataFile(String id) {
        checkId(id);
        return folder.resolve(id + ".json");
    }

    /** Installs a model shipped with the application (file and metadata as bytes), unless one with its id is there. */
    public void install(String id, byte[] model, byte[] metadata) {
        checkId(id);
        try {
            Files.createDirectories(folder);
            if (!Files.exists(metadataFile(id))) {
                writeAtomically(modelFile(id), model);
                writeAtomically(metadataFile(id), metadata);
            }
        } catch (IOException e) {
            throw new ModelException("Cannot install the model " + id + ": " + e.getMessage(), e);
        }
    }

    private static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ModelException("\"" + id + "\" is not a model id");
        }
    }

    private void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(folder, target.getFileName().toString(), ".part");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

package org.cdpdesktop.gui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.model.Algorithm;
import org.cdpdesktop.core.model.BatchPrediction;
import org.cdpdesktop.core.model.CohortModel;
import org.cdpdesktop.core.model.CohortModelService;
import org.cdpdesktop.core.model.CohortTerms;
import org.cdpdesktop.core.model.DriftReport;
import org.cdpdesktop.core.model.LabelKind;
import org.cdpdesktop.core.model.LabelMode;
import org.cdpdesktop.core.model.ModelMetadata;
import org.cdpdesktop.core.model.Prediction;
import org.cdpdesktop.core.model.TrainingResult;
import org.cdpdesktop.core.model.TrainingSpec;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.segment.SegmentService;
import org.cdpdesktop.gui.Activatable;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.StoreFollower;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.RunningJob;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The Model screen's state: the training settings, the last run's figures and confusion matrix, the models and
 * which one is active, a second model to compare with, terms per cohort, a typed-text prediction and drift.
 */
public final class ModelViewModel implements Activatable {

    /** The labels the screen offers: imported cohorts, or a categorical field. */
    public static final List<String> LABELS = List.of("Cohort", "gender", "education", "country", "state", "city");
    static final int CELL_PROFILES = 200;
    static final int TERMS = 10;

    private final CohortModelService models;
    private final SegmentService segments;
    private final TaskExecutor executor;
    private final JobsViewModel jobs;

    private final StringProperty label = new SimpleStringProperty(LABELS.get(0));
    private final BooleanProperty interests = new SimpleBooleanProperty(true);
    private final BooleanProperty bio = new SimpleBooleanProperty(true);
    private final ObservableList<String> features = FXCollections.observableArrayList();
    private final ObjectProperty<Algorithm> algorithm = new SimpleObjectProperty<>(Algorithm.LOGISTIC_REGRESSION);
    private final ObjectProperty<LabelMode> labelMode = new SimpleObjectProperty<>(LabelMode.AUTO);
    private final StringProperty folds = new SimpleStringProperty("10");
    private final StringProperty holdOut = new SimpleStringProperty("0");
    private final StringProperty seed = new SimpleStringProperty("1");
    private final StringProperty ngrams = new SimpleStringProperty("1");
    private final StringProperty minTermFrequency = new SimpleStringProperty("1");
    private final StringProperty cost = new SimpleStringProperty("1.0");
    private final StringProperty trees = new SimpleStringProperty("100");

    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<RunningJob> runningJob = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<ModelMetadata> shown = new SimpleObjectProperty<>();
    private final ObjectProperty<long[][][]> cellProfiles = new SimpleObjectProperty<>();
    private final ObjectProperty<ModelMetadata> compared = new SimpleObjectProperty<>();
    private final ObservableList<ModelMetadata> modelList = FXCollections.observableArrayList();
    private final StringProperty activeId = new SimpleStringProperty("");
    private final ObjectProperty<List<CohortTerms>> terms = new SimpleObjectProperty<>(List.of());
    private final StringProperty cellTitle = new SimpleStringProperty("");
    private final ObservableList<String> cellMembers = FXCollections.observableArrayList();
    private final StringProperty tryText = new SimpleStringProperty("");
    private final ObjectProperty<Prediction> tryResult = new SimpleObjectProperty<>();
    private final ObjectProperty<DriftReport> drift = new SimpleObjectProperty<>();

    private final StoreFollower storeChanges;

    public ModelViewModel(CohortModelService models, SegmentService segments, Database database, TaskExecutor executor, JobsViewModel jobs) {
        this.models = models;
        this.segments = segments;
        this.storeChanges = new StoreFollower(database, this::refresh);
        this.executor = executor;
        this.jobs = jobs;
    }

    /** Refreshes now and again after each change to the store, e.g. an import that moves the drift figures. */
    @Override
    public void activate() {
        storeChanges.activate();
    }

    @Override
    public void deactivate() {
        storeChanges.deactivate();
    }

    /** Reads the models, shows the active one's figures and terms, and measures its drift. */
    public void refresh() {
        BackgroundTask.wrap(() -> new Loaded(models.models(), models.registry().activeId()))
                .onSuccess(loaded -> {
                    modelList.setAll(loaded.models());
                    activeId.set(loaded.activeId().orElse(""));
                    ModelMetadata current = shown.get();
                    if (current == null) {
                        loaded.models().stream().filter(m -> m.id().equals(activeId.get())).findFirst().ifPresent(this::show);
                    } else {
                        // The list holds fresh copies now; showing the fresh copy of the shown model keeps it chosen.
                        loaded.models().stream().filter(m -> m.id().equals(current.id())).findFirst().ifPresent(shown::set);
                    }
                })
                .onFailure(this::fail)
                .executeWith(executor);
        BackgroundTask.wrap(() -> models.active().isPresent() ? models.drift() : null)
                .onSuccess(drift::set)
                .onFailure(this::fail)
                .executeWith(executor);
    }

    private record Loaded(List<ModelMetadata> models, Optional<String> activeId) {
    }

    /** Shows {@code model}'s figures, terms and the profiles behind its confusion-matrix cells, kept with the model. */
    public void show(ModelMetadata model) {
        if (model == null) {
            return;
        }
        if (shown.get() == null || !shown.get().id().equals(model.id())) {
            cellProfiles.set(null);
        }
        shown.set(model);
        cellTitle.set("");
        cellMembers.clear();
        BackgroundTask.wrap(() -> {
                    CohortModel loaded = models.model(model.id());
                    return loaded.topTerms(TERMS);
                })
                .onSuccess(terms::set)
                .onFailure(this::fail)
                .executeWith(executor);
        BackgroundTask.wrap(() -> models.cellProfiles(model.id()).orElse(null))
                .onSuccess(cells -> {
                    if (shown.get() != null && shown.get().id().equals(model.id())) {
                        cellProfiles.set(cells);
                    }
                })
                .onFailure(this::fail)
                .executeWith(executor);
    }

    public TrainingSpec spec() {
        List<String> text = new ArrayList<>();
        if (interests.get()) {
            text.add("interests");
        }
        if (bio.get()) {
            text.add("bio");
        }
        boolean cohort = label.get().equals(LABELS.get(0));
        return new TrainingSpec(cohort ? LabelKind.COHORT : LabelKind.FIELD, cohort ? "" : label.get(), text, List.copyOf(features),
                algorithm.get(), number("Folds", folds.get()), number("Hold-out", holdOut.get()), number("Seed", seed.get()),
                number("N-grams", ngrams.get()), number("Minimum term frequency", minTermFrequency.get()), decimal("C", cost.get()),
                number("Trees", trees.get()), cohort ? labelMode.get() : LabelMode.SINGLE);
    }

    private static int number(String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not \"" + text + "\"");
        }
    }

    private static double decimal(String name, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not \"" + text + "\"");
        }
    }

    /** Trains and evaluates a model with the settings as a job; its figures show when it ends. */
    public void train() {
        TrainingSpec spec;
        try {
            spec = spec();
        } catch (IllegalArgumentException invalid) {
            error.set(invalid.getMessage());
            return;
        }
        error.set("");
        status.set("");
        busy.set(true);
        runningJob.set(jobs.submit(models.trainJob(spec), this::trained, this::jobFailed));
    }

    private void trained(TrainingResult result) {
        busy.set(false);
        runningJob.set(null);
        show(result.metadata());
        cellProfiles.set(result.cellProfiles());
        StringBuilder text = new StringBuilder(String.format("Trained %s on %,d profiles%s.", result.metadata().id(),
                result.metadata().trainingRows(), result.metadata().multiLabel()
                        ? String.format(", %,d of them with several cohorts, one-vs-rest", result.withSeveralLabels()) : ""));
        if (result.metadata().multiLabel() && result.withoutLabel() > 0) {
            text.append(String.format(" Left out: %,d without a label.", result.withoutLabel()));
        } else if (!result.metadata().multiLabel() && (result.withoutLabel() > 0 || result.withSeveralLabels() > 0)) {
            text.append(String.format(" Left out: %,d without a label, %,d with several.", result.withoutLabel(), result.withSeveralLabels()));
        }
        text.append(result.activated() ? " It is now the active model." : " Activate it to predict with it.");
        status.set(text.toString());
        refresh();
    }

    private void jobFailed(Throwable failure) {
        busy.set(false);
        runningJob.set(null);
        if (failure instanceof JobCancelledException) {
            status.set("Cancelled; nothing was saved.");
        } else {
            fail(failure);
        }
    }

    private void fail(Throwable failure) {
        error.set(ErrorDialog.describe(failure));
    }

    /** Makes the shown model the active one. */
    public void activateShown() {
        ModelMetadata model = shown.get();
        if (model == null) {
            return;
        }
        BackgroundTask.wrap(() -> models.activate(model.id()))
                .onSuccess(activated -> {
                    status.set(activated.id() + " is now the active model. Predict all profiles to store its cohorts.");
                    refresh();
                })
                .onFailure(this::fail)
                .executeWith(executor);
    }

    /** Predicts and stores a cohort for every profile, as a job. */
    public void predictAll() {
        error.set("");
        busy.set(true);
        runningJob.set(jobs.submit(models.predictAllJob(null), this::predicted, this::jobFailed));
    }

    private void predicted(BatchPrediction result) {
        busy.set(false);
        runningJob.set(null);
        status.set(String.format("Predicted a cohort for %,d profiles with %s in %.1f s (%,.0f profiles/s).",
                result.profiles(), result.modelId(), result.millis() / 1000.0, result.profilesPerSecond()));
    }

    /**
     * Lists the profiles of one confusion-matrix cell: actually {@code row}, predicted {@code column}; for a multi-label
     * model, cohort {@code row}'s cell {@code column} of given and labelled, given but not labelled, labelled but not
     * given, neither. Profiles deleted since the model was trained are skipped, and the title says how many.
     */
    public void selectCell(int row, int column) {
        long[][][] cells = cellProfiles.get();
        ModelMetadata model = shown.get();
        if (model == null) {
            return;
        }
        if (cells == null) {
            cellTitle.set("This model was saved without the profiles behind its figures; retrain it to list them.");
            cellMembers.clear();
            return;
        }
        long[] ids = cells[row][column];
        String which = cellName(model, row, column);
        BackgroundTask.wrap(() -> {
                    long[] stored = models.stillStored(model, ids);
                    return new CellMembers(stored.length, ids.length - stored.length, segments.profiles(stored, CELL_PROFILES));
                })
                .onSuccess(members -> {
                    cellTitle.set(String.format("%,d profiles %s%s%s", members.stored(), which,
                            members.stored() > CELL_PROFILES ? String.format(" (first %,d)", CELL_PROFILES) : "",
                            members.deleted() == 0 ? "" : String.format("; %,d deleted or replaced since training %s skipped",
                                    members.deleted(), members.deleted() == 1 ? "is" : "are")));
                    cellMembers.setAll(members.profiles().stream().map(ModelViewModel::describe).toList());
                })
                .onFailure(this::fail)
                .executeWith(executor);
    }

    /** "labelled Foodies, predicted Tech Savvy", or for a multi-label model's cohort "given Foodies but not labelled it". */
    static String cellName(ModelMetadata model, int row, int column) {
        List<String> classes = model.evaluation().classes();
        if (!model.multiLabel()) {
            return "labelled " + classes.get(row) + ", predicted " + classes.get(column);
        }
        String cohort = classes.get(row);
        return switch (column) {
            case 0 -> "given " + cohort + " and labelled it";
            case 1 -> "given " + cohort + " but not labelled it";
            case 2 -> "labelled " + cohort + " but not given it";
            default -> "neither labelled nor given " + cohort;
        };
    }

    private record CellMembers(long stored, long deleted, List<Profile> profiles) {
    }

    private static String describe(Profile profile) {
        String name = String.join(" ", java.util.stream.Stream.of(profile.getFirstName(), profile.getLastName())
                .filter(part -> part != null && !part.isBlank()).toList());
        String who = name.isEmpty() ? (profile.getEmail() == null ? profile.getExternalId() : profile.getEmail()) : name;
        return who + " · " + String.join(", ", profile.getInterests());
    }

    /** Predicts the typed text with the active model. */
    public void predictText() {
        String text = tryText.get();
        BackgroundTask.wrap(() -> models.predictText(text))
                .onSuccess(prediction -> {
                    error.set("");
                    tryResult.set(prediction);
                })
                .onFailure(this::fail)
                .executeWith(executor);
    }

    public StringProperty labelProperty() {
        return label;
    }

    public BooleanProperty interestsProperty() {
        return interests;
    }

    public BooleanProperty bioProperty() {
        return bio;
    }

    /** The numeric and nominal fields chosen as features. */
    public ObservableList<String> features() {
        return features;
    }

    /** For cohorts: one per profile, several (one-vs-rest), or chosen from the labels found. */
    public ObjectProperty<LabelMode> labelModeProperty() {
        return labelMode;
    }

    public ObjectProperty<Algorithm> algorithmProperty() {
        return algorithm;
    }

    public StringProperty foldsProperty() {
        return folds;
    }

    public StringProperty holdOutProperty() {
        return holdOut;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty ngramsProperty() {
        return ngrams;
    }

    public StringProperty minTermFrequencyProperty() {
        return minTermFrequency;
    }

    public StringProperty costProperty() {
        return cost;
    }

    public StringProperty treesProperty() {
        return trees;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<RunningJob> runningJobProperty() {
        return runningJob;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<ModelMetadata> shownProperty() {
        return shown;
    }

    public ReadOnlyObjectProperty<long[][][]> cellProfilesProperty() {
        return cellProfiles;
    }

    public ObjectProperty<ModelMetadata> comparedProperty() {
        return compared;
    }

    public ObservableList<ModelMetadata> models() {
        return modelList;
    }

    public ReadOnlyStringProperty activeIdProperty() {
        return activeId;
    }

    public ReadOnlyObjectProperty<List<CohortTerms>> termsProperty() {
        return terms;
    }

    public ReadOnlyStringProperty cellTitleProperty() {
        return cellTitle;
    }

    public ObservableList<String> cellMembers() {
        return cellMembers;
    }

    public StringProperty tryTextProperty() {
        return tryText;
    }

    public ReadOnlyObjectProperty<Prediction> tryResultProperty() {
        return tryResult;
    }

    public ReadOnlyObjectProperty<DriftReport> driftProperty() {
        return drift;
    }
}

package org.cdpdesktop.gui.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cdpdesktop.core.ingest.ColumnCleaning;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.model.CohortModelService;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.Leaf;
import org.cdpdesktop.core.query.Operator;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.UiServices;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.RunningJob;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The wizard's last step, "Import": the import job with its progress and cancel, then its summary, the rejected
 * rows, and the profiles whose values were kept aside as invalid.
 */
public final class ImportRunStep {

    private final Path file;
    private final ImportService importer;
    private final ProfileBrowser browser;
    private final CohortModelService models;
    private final TaskExecutor executor;
    private final JobsViewModel jobs;
    private final UiServices ui;

    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObjectProperty<ImportSummary> summary = new SimpleObjectProperty<>();
    private final StringProperty failure = new SimpleStringProperty("");
    private final ObjectProperty<RejectedRows> rejectedRows = new SimpleObjectProperty<>();
    private final StringProperty prediction = new SimpleStringProperty("");
    private RunningJob importJob;
    private boolean predictAfter;

    ImportRunStep(Path file, ImportService importer, ProfileBrowser browser, CohortModelService models, TaskExecutor executor,
                  JobsViewModel jobs, UiServices ui) {
        this.file = file;
        this.importer = importer;
        this.browser = browser;
        this.models = models;
        this.executor = executor;
        this.jobs = jobs;
        this.ui = ui;
    }

    private String fileName() {
        return Objects.toString(file.getFileName());
    }

    /** Runs the import; with {@code predict}, a prediction job for the profiles it wrote follows once it has committed. */
    void run(ImportOptions options, boolean predict) {
        predictAfter = predict && !options.dryRun();
        running.set(true);
        failure.set("");
        summary.set(null);
        Job<ImportSummary> job;
        try {
            job = importer.importJob(file, options);
        } catch (RuntimeException refused) {
            failed(refused);
            return;
        }
        importJob = jobs.submit(job, this::finished, this::failed);
        progress.bind(importJob.progressProperty());
        progressText.bind(importJob.descriptionProperty());
    }

    private void finished(ImportSummary result) {
        stopProgress(1);
        summary.set(result);
        if (result.warning() != null) {
            failure.set(result.warning());
        }
        if (predictAfter && result.inserted() + result.updated() > 0) {
            predictCohorts(result);
        }
        if (result.rejected() > 0 && result.rejectsFile() != null) {
            Path rejects = Path.of(result.rejectsFile());
            BackgroundTask.wrap(() -> RejectedRows.read(rejects))
                    .onSuccess(rejectedRows::set)
                    .onFailure(problem -> failure.set("Cannot show the rejected rows: " + ErrorDialog.describe(problem)))
                    .executeWith(executor);
        }
    }

    /**
     * Predicts the cohorts of the profiles the import wrote, as its own job in the job list: the import is in and
     * stays in whatever becomes of the prediction.
     */
    private void predictCohorts(ImportSummary result) {
        prediction.set("Predicting the imported profiles' cohorts with the active model…");
        jobs.submit(models.predictImportJob(result.batchId(), fileName()),
                done -> prediction.set(String.format("Predicted cohorts for %,d profiles with %s: %s.", done.profiles(), done.modelId(),
                        done.cohorts().entrySet().stream().map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
                                .collect(Collectors.joining(", ")))),
                problem -> prediction.set(problem instanceof JobCancelledException
                        ? "Cohort prediction was cancelled; the import is kept. Predict from the Model screen when you like."
                        : "The import is kept, but its cohorts could not be predicted: " + ErrorDialog.describe(problem)));
    }

    private void failed(Throwable problem) {
        stopProgress(0);
        failure.set(problem instanceof JobCancelledException
                ? "The import was cancelled. Nothing was changed in the store."
                : "The import failed: " + ErrorDialog.describe(problem) + " Nothing was changed in the store.");
    }

    private void stopProgress(double shown) {
        progress.unbind();
        progressText.unbind();
        progress.set(shown);
        running.set(false);
    }

    /**
     * Opens the rejects file's folder in the system's file manager, off the FX thread as the desktop call may block;
     * where the system offers no file manager, says so, and the path shown beside the button remains.
     */
    public void revealRejects() {
        ImportSummary result = summary.get();
        if (result == null || result.rejectsFile() == null) {
            return;
        }
        Path folder = Path.of(result.rejectsFile()).toAbsolutePath().getParent();
        BackgroundTask.wrap(() -> {
                    ui.openFolder(folder);
                    return folder;
                })
                .onFailure(problem -> failure.set("Cannot open the folder " + folder + ": " + ErrorDialog.describe(problem)))
                .executeWith(executor);
    }

    /**
     * The profiles stored from this file that keep a column's values aside as invalid, with those values: what the
     * summary's "list these profiles" shows.
     */
    public Callable<RejectedRows> profilesWithInvalid(ColumnCleaning column) {
        ProfileQuery query = new ProfileQuery(new Leaf(FieldRef.attribute(column.invalidAttribute()), Operator.IS_NOT_EMPTY),
                null, fileName(), ProfileSort.NATURAL);
        return () -> {
            long total = browser.count(query);
            List<List<String>> rows = browser.page(query, 0, RejectedRows.SHOWN_ROWS).stream()
                    .map(profile -> List.of(profile.getExternalId(), Objects.toString(profile.getEmail(), ""),
                            profile.getAttributes().getOrDefault(column.invalidAttribute(), "")))
                    .toList();
            return new RejectedRows(List.of("External ID", "Email", column.invalidAttribute()), rows, total);
        };
    }

    public void cancel() {
        if (importJob != null) {
            importJob.cancel();
        }
    }

    /** {@code 3,000 read = 2,900 inserted + 50 updated + 30 duplicates + 20 rejected}: every row accounted for. */
    public static String accounting(ImportSummary result) {
        return String.format("%,d read = %,d inserted + %,d updated + %,d duplicates + %,d rejected",
                result.read(), result.inserted(), result.updated(), result.duplicates(), result.rejected());
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    public ReadOnlyObjectProperty<ImportSummary> summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure;
    }

    /** What became of the cohort prediction after the import; blank when none was asked for. */
    public ReadOnlyStringProperty predictionProperty() {
        return prediction;
    }

    public ReadOnlyObjectProperty<RejectedRows> rejectedRowsProperty() {
        return rejectedRows;
    }
}

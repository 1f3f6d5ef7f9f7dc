package org.cdpdesktop.gui.importer;

import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.ingest.MappingPresets;
import org.cdpdesktop.core.model.CohortModelService;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.gui.UiServices;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The import wizard for one file of any importable format, step by step: {@link FileFormatStep} (the format detected
 * by content, a CSV file's dialect or a workbook's sheet and header row, with a live preview), {@link ColumnMappingStep} (column mapping with presets), the duplicate policy (held here, it is one choice),
 * then {@link ImportRunStep} (the run with progress and its summary). All file work runs off the FX thread.
 */
public final class ImportWizardViewModel {

    public enum Step {
        FORMAT("File and format"), MAPPING("Columns"), DUPLICATES("Duplicates"), RUN("Import");

        private final String title;

        Step(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Path file;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FORMAT);
    private final FileFormatStep format;
    private final ColumnMappingStep columns;
    private final ImportRunStep run;
    private final ObjectProperty<DuplicatePolicy> policy = new SimpleObjectProperty<>(DuplicatePolicy.NEWEST);
    private final BooleanProperty dryRun = new SimpleBooleanProperty(false);
    private final CohortModelService models;
    private final TaskExecutor executor;
    private final BooleanProperty predict = new SimpleBooleanProperty(false);
    private final BooleanProperty modelActive = new SimpleBooleanProperty(false);
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;

    /**
     * @param browser lists the profiles the summary reports with invalid values
     * @param models  predicts the imported profiles' cohorts after the import, when the user leaves that option on
     */
    public ImportWizardViewModel(ImportService importer, MappingPresets presets, ProfileBrowser browser, CohortModelService models,
                                 TaskExecutor executor, JobsViewModel jobs, UiServices ui, Path file) {
        this.file = file;
        this.models = models;
        this.executor = executor;
        this.columns = new ColumnMappingStep(presets, executor);
        this.format = new FileFormatStep(file, executor, columns::show);
        this.run = new ImportRunStep(file, importer, browser, models, executor, jobs, ui);
        canGoNext = Bindings.createBooleanBinding(() -> switch (step.get()) {
            case FORMAT -> format.complete();
            case MAPPING -> columns.mappingProblemProperty().get().isEmpty();
            case DUPLICATES -> true;
            case RUN -> false;
        }, step, format.fileFormatProperty(), format.previewLoadingProperty(), format.previewErrorProperty(), format.previewHeaders(),
                columns.mappingProblemProperty());
        canGoBack = Bindings.createBooleanBinding(() -> step.get() != Step.FORMAT && step.get() != Step.RUN, step);
    }

    /** Detects the file's format, previews it and lists the presets; call once, when the wizard opens. */
    public void start() {
        format.start();
        columns.refreshPresets();
        BackgroundTask.wrap(models::hasActiveModel)
                .onSuccess(active -> {
                    modelActive.set(active);
                    predict.set(active);
                })
                .onFailure(problem -> modelActive.set(false))
                .executeWith(executor);
    }

    public FileFormatStep format() {
        return format;
    }

    public ColumnMappingStep columns() {
        return columns;
    }

    public ImportRunStep run() {
        return run;
    }

    /** Whether the current step is complete enough to move on. */
    public BooleanBinding canGoNext() {
        return canGoNext;
    }

    public BooleanBinding canGoBack() {
        return canGoBack;
    }

    /** Moves to the next step; leaving the duplicates step starts the import. */
    public void next() {
        if (!canGoNext().get()) {
            return;
        }
        Step current = step.get();
        step.set(Step.values()[current.ordinal() + 1]);
        if (current == Step.DUPLICATES) {
            run.run(new ImportOptions(format.dialect(), columns.mapping(), policy.get(), dryRun.get(), null)
                    .withSheet(format.sheetProperty().get(), format.headerRowProperty().get()), predict.get() && modelActive.get());
        }
    }

    public void back() {
        if (canGoBack().get()) {
            step.set(Step.values()[step.get().ordinal() - 1]);
        }
    }

    public Path file() {
        return file;
    }

    /** The file's name for titles; the full path is shown where there is room. */
    public String fileName() {
        return Objects.toString(file.getFileName());
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<DuplicatePolicy> policyProperty() {
        return policy;
    }

    public BooleanProperty dryRunProperty() {
        return dryRun;
    }

    /** Whether the imported profiles' cohorts are predicted with the active model after the import; on when one is active. */
    public BooleanProperty predictProperty() {
        return predict;
    }

    /** Whether a cohort model is active, so prediction after the import can be offered. */
    public ReadOnlyBooleanProperty modelActiveProperty() {
        return modelActive;
    }
}

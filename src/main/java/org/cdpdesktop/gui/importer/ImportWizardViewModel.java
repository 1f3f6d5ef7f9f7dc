package org.cdpdesktop.gui.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.cdpdesktop.core.ingest.ColumnCleaning;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.ColumnTarget;
import org.cdpdesktop.core.ingest.CsvDialect;
import org.cdpdesktop.core.ingest.CsvPreview;
import org.cdpdesktop.core.ingest.CsvPreviewer;
import org.cdpdesktop.core.ingest.CsvSniffer;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.ingest.MappingPresets;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.profile.ProfileField;
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
 * The import wizard for one file: format (detected, overridable, with a live preview), column mapping with
 * presets, the duplicate policy, then the run with progress and its summary. All file work runs off the FX thread.
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

    static final int PREVIEW_ROWS = 20;
    public static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16,
            StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("windows-1252"), StandardCharsets.ISO_8859_1);
    public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');
    public static final List<Character> QUOTES = List.of('"', '\'');
    /** Escape characters offered; the first, {@code null}, means quotes are escaped by doubling them. */
    public static final List<Character> ESCAPES = java.util.Arrays.asList(null, '\\');

    private final ImportService importer;
    private final MappingPresets presets;
    private final ProfileBrowser browser;
    private final TaskExecutor executor;
    private final JobsViewModel jobs;
    private final UiServices ui;
    private final Path file;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FORMAT);

    private final ObjectProperty<Charset> encoding = new SimpleObjectProperty<>();
    private final ObjectProperty<Character> delimiter = new SimpleObjectProperty<>(',');
    private final ObjectProperty<Character> quote = new SimpleObjectProperty<>('"');
    private final ObjectProperty<Character> escape = new SimpleObjectProperty<>();
    private final BooleanProperty header = new SimpleBooleanProperty(true);
    private final IntegerProperty skipRows = new SimpleIntegerProperty(0);
    private final StringProperty detected = new SimpleStringProperty("Detecting the file's format…");
    private CsvDialect detectedDialect;
    private boolean applyingDetected;

    private final ObservableList<String> previewHeaders = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ObservableList<String> previewProblems = FXCollections.observableArrayList();
    private final BooleanProperty previewLoading = new SimpleBooleanProperty(true);
    private final StringProperty previewError = new SimpleStringProperty("");
    private Task<CsvPreview> previewTask;

    private final ObservableList<MappingRow> mappingRows = FXCollections.observableArrayList(
            row -> new Observable[] {row.targetProperty(), row.attributeNameProperty()});
    private final StringProperty mappingProblem = new SimpleStringProperty("");
    private final StringProperty mappingNote = new SimpleStringProperty("");
    private final ObservableList<String> presetNames = FXCollections.observableArrayList();
    private final StringProperty presetMessage = new SimpleStringProperty("");

    private final ObjectProperty<DuplicatePolicy> policy = new SimpleObjectProperty<>(DuplicatePolicy.NEWEST);
    private final BooleanProperty dryRun = new SimpleBooleanProperty(false);

    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObjectProperty<ImportSummary> summary = new SimpleObjectProperty<>();
    private final StringProperty failure = new SimpleStringProperty("");
    private final ObjectProperty<RejectedRows> rejectedRows = new SimpleObjectProperty<>();
    private RunningJob importJob;

    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;

    /** @param browser lists the profiles the summary reports with invalid values */
    public ImportWizardViewModel(ImportService importer, MappingPresets presets, ProfileBrowser browser, TaskExecutor executor,
                                 JobsViewModel jobs, UiServices ui, Path file) {
        this.importer = importer;
        this.presets = presets;
        this.browser = browser;
        this.executor = executor;
        this.jobs = jobs;
        this.ui = ui;
        this.file = file;
        for (Observable option : List.of(encoding, delimiter, quote, escape, header, skipRows)) {
            option.addListener(changed -> {
                if (!applyingDetected) {
                    refreshPreview();
                }
            });
        }
        mappingRows.addListener((Observable changed) -> checkMapping());
        canGoNext = Bindings.createBooleanBinding(() -> switch (step.get()) {
            case FORMAT -> !previewLoading.get() && previewError.get().isEmpty() && !previewHeaders.isEmpty();
            case MAPPING -> mappingProblem.get().isEmpty();
            case DUPLICATES -> true;
            case RUN -> false;
        }, step, previewLoading, previewError, previewHeaders, mappingProblem);
        canGoBack = Bindings.createBooleanBinding(() -> step.get() != Step.FORMAT && step.get() != Step.RUN, step);
    }

    /** Detects the file's format, then previews it; call once, when the wizard opens. */
    public void start() {
        BackgroundTask.wrap(() -> CsvSniffer.sniff(file))
                .onSuccess(this::applyDetected)
                .onFailure(problem -> {
                    previewLoading.set(false);
                    detected.set("");
                    previewError.set("Cannot read " + file.getFileName() + ": " + ErrorDialog.describe(problem));
                })
                .executeWith(executor);
        refreshPresets();
    }

    private void applyDetected(CsvDialect dialect) {
        detectedDialect = dialect;
        applyingDetected = true;
        try {
            encoding.set(dialect.encoding());
            delimiter.set(dialect.delimiter());
            quote.set(dialect.quote());
            escape.set(dialect.escape());
            header.set(dialect.header());
            skipRows.set(dialect.skipRows());
        } finally {
            applyingDetected = false;
        }
        detected.set("Detected: " + describe(dialect));
        refreshPreview();
    }

    static String describe(CsvDialect dialect) {
        String encodingName = dialect.encoding().displayName() + (dialect.bom() ? " with byte-order mark" : "");
        String rows = dialect.header() ? "header row" : "no header row";
        String skipped = dialect.skipRows() > 0 ? ", " + dialect.skipRows() + " leading rows skipped" : "";
        return encodingName + ", " + CsvDialect.describeDelimiter(dialect.delimiter()) + "-separated, " + rows + skipped;
    }

    /** The dialect as the options now stand; the byte-order mark is kept only while the detected encoding is. */
    public CsvDialect dialect() {
        boolean bom = detectedDialect != null && detectedDialect.bom() && detectedDialect.encoding().equals(encoding.get());
        return new CsvDialect(encoding.get(), bom, delimiter.get(), quote.get(), escape.get(), header.get(), skipRows.get());
    }

    private void refreshPreview() {
        if (encoding.get() == null || delimiter.get() == null || quote.get() == null) {
            return;
        }
        if (previewTask != null) {
            previewTask.cancel(false);  // its result would describe options no longer chosen
        }
        CsvDialect dialect;
        try {
            dialect = dialect();
        } catch (IllegalArgumentException impossible) {
            previewLoading.set(false);
            previewError.set(impossible.getMessage() + ".");
            return;
        }
        previewLoading.set(true);
        previewTask = BackgroundTask.wrap(() -> CsvPreviewer.preview(file, dialect, PREVIEW_ROWS))
                .onSuccess(this::showPreview)
                .onFailure(problem -> {
                    previewLoading.set(false);
                    previewHeaders.clear();
                    previewRows.clear();
                    previewProblems.clear();
                    previewError.set("Cannot preview " + file.getFileName() + " with these options: " + ErrorDialog.describe(problem));
                })
                .executeWith(executor);
    }

    private void showPreview(CsvPreview preview) {
        previewLoading.set(false);
        previewError.set(preview.headers().isEmpty() ? file.getFileName() + " has no columns to import: it is empty." : "");
        previewHeaders.setAll(preview.headers());
        previewRows.setAll(preview.rows());
        previewProblems.setAll(preview.problems());
        if (!preview.headers().equals(mappingRows.stream().map(MappingRow::column).toList())) {
            rebuildMapping(preview);
        }
    }

    /** One mapping row per column, automatically mapped; a column the user already mapped keeps the user's choice. */
    private void rebuildMapping(CsvPreview preview) {
        Map<String, MappingRow> earlier = mappingRows.stream()
                .collect(Collectors.toMap(MappingRow::column, row -> row, (first, second) -> first));
        ColumnMapping auto = ColumnMapping.auto(preview.headers());
        List<MappingRow> rows = new ArrayList<>();
        for (int index = 0; index < preview.headers().size(); index++) {
            String column = preview.headers().get(index);
            MappingRow row = new MappingRow(column, sample(preview.rows(), index));
            MappingRow previous = earlier.get(column);
            if (previous != null) {
                row.targetProperty().set(previous.targetProperty().get());
                row.attributeNameProperty().set(previous.attributeNameProperty().get());
                row.formatProperty().set(previous.formatProperty().get());
            } else {
                row.show(auto.targets().getOrDefault(column, ColumnTarget.attribute(column)), column.equals(auto.cohortColumn()));
            }
            rows.add(row);
        }
        mappingRows.setAll(rows);
    }

    private static String sample(List<List<String>> rows, int column) {
        return rows.stream()
                .filter(row -> column < row.size() && row.get(column) != null && !row.get(column).isBlank())
                .map(row -> row.get(column))
                .findFirst()
                .orElse("");
    }

    private void checkMapping() {
        List<String> cohortColumns = mappingRows.stream()
                .filter(row -> row.targetProperty().get() == TargetChoice.COHORT).map(MappingRow::column).toList();
        if (cohortColumns.size() > 1) {
            mappingProblem.set("Only one column can hold cohorts, not " + String.join(", ", cohortColumns) + ".");
        } else {
            mappingProblem.set(validationProblem());
        }
        ColumnMapping current = mapping();
        boolean identified = current.columnFor(ProfileField.EXTERNAL_ID) != null || current.columnFor(ProfileField.EMAIL) != null;
        mappingNote.set(identified || mappingRows.isEmpty() ? ""
                : "No column is mapped to External ID or Email: every row becomes a new customer with a generated id.");
    }

    /** The import's own check of the mapping, so the wizard refuses exactly what the import would. */
    private String validationProblem() {
        try {
            mapping().validate();
            return "";
        } catch (IllegalArgumentException problem) {
            return problem.getMessage() + ".";
        }
    }

    /** The mapping as the user left it, in file order. */
    public ColumnMapping mapping() {
        LinkedHashMap<String, ColumnTarget> targets = new LinkedHashMap<>();
        String cohortColumn = null;
        for (MappingRow row : mappingRows) {
            targets.put(row.column(), row.toTarget());
            if (row.targetProperty().get() == TargetChoice.COHORT && cohortColumn == null) {
                cohortColumn = row.column();
            }
        }
        return new ColumnMapping(targets, cohortColumn);
    }

    /** Shows a saved mapping on this file's columns; columns the preset doesn't name keep their current choice. */
    void applyMapping(String name, ColumnMapping preset) {
        int applied = 0;
        for (MappingRow row : mappingRows) {
            boolean cohort = row.column().equals(preset.cohortColumn());
            ColumnTarget target = preset.targets().get(row.column());
            if (cohort || target != null) {
                row.show(cohort ? ColumnTarget.skip() : target, cohort);
                applied++;
            }
        }
        List<String> columns = mappingRows.stream().map(MappingRow::column).toList();
        long missing = preset.targets().keySet().stream().filter(column -> !columns.contains(column)).count();
        presetMessage.set(String.format("Preset “%s” applied to %d of %d columns%s.", name, applied, mappingRows.size(),
                missing == 0 ? "" : "; " + missing + " of its columns are not in this file"));
    }

    public void refreshPresets() {
        BackgroundTask.wrap(() -> presets.names())
                .onSuccess(presetNames::setAll)
                .onFailure(problem -> presetMessage.set("Cannot list the presets: " + ErrorDialog.describe(problem)))
                .executeWith(executor);
    }

    public void savePreset(String name) {
        if (name == null || name.isBlank()) {
            presetMessage.set("Type a name for the preset first.");
            return;
        }
        String trimmed = name.trim();
        ColumnMapping mapping = mapping();
        BackgroundTask.wrap(() -> {
                    presets.save(trimmed, mapping);
                    return presets.names();
                })
                .onSuccess(names -> {
                    presetNames.setAll(names);
                    presetMessage.set("Saved the mapping as preset “" + trimmed + "”.");
                })
                .onFailure(problem -> presetMessage.set("Cannot save the preset: " + ErrorDialog.describe(problem)))
                .executeWith(executor);
    }

    public void loadPreset(String name) {
        if (name == null || name.isBlank()) {
            presetMessage.set("Choose a preset to load.");
            return;
        }
        String trimmed = name.trim();
        BackgroundTask.wrap(() -> presets.load(trimmed))
                .onSuccess(preset -> applyMapping(trimmed, preset))
                .onFailure(problem -> presetMessage.set("Cannot load the preset: " + ErrorDialog.describe(problem)))
                .executeWith(executor);
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
            run();
        }
    }

    public void back() {
        if (canGoBack().get()) {
            step.set(Step.values()[step.get().ordinal() - 1]);
        }
    }

    private void run() {
        ImportOptions options = new ImportOptions(dialect(), mapping(), policy.get(), dryRun.get(), null);
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
        if (result.rejected() > 0 && result.rejectsFile() != null) {
            Path rejects = Path.of(result.rejectsFile());
            BackgroundTask.wrap(() -> RejectedRows.read(rejects))
                    .onSuccess(rejectedRows::set)
                    .onFailure(problem -> failure.set("Cannot show the rejected rows: " + ErrorDialog.describe(problem)))
                    .executeWith(executor);
        }
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

    public Path file() {
        return file;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<Charset> encodingProperty() {
        return encoding;
    }

    public ObjectProperty<Character> delimiterProperty() {
        return delimiter;
    }

    public ObjectProperty<Character> quoteProperty() {
        return quote;
    }

    public ObjectProperty<Character> escapeProperty() {
        return escape;
    }

    public BooleanProperty headerProperty() {
        return header;
    }

    public IntegerProperty skipRowsProperty() {
        return skipRows;
    }

    public ReadOnlyStringProperty detectedProperty() {
        return detected;
    }

    public ObservableList<String> previewHeaders() {
        return previewHeaders;
    }

    public ObservableList<List<String>> previewRows() {
        return previewRows;
    }

    public ObservableList<String> previewProblems() {
        return previewProblems;
    }

    public ReadOnlyBooleanProperty previewLoadingProperty() {
        return previewLoading;
    }

    public ReadOnlyStringProperty previewErrorProperty() {
        return previewError;
    }

    public ObservableList<MappingRow> mappingRows() {
        return mappingRows;
    }

    public ReadOnlyStringProperty mappingProblemProperty() {
        return mappingProblem;
    }

    public ReadOnlyStringProperty mappingNoteProperty() {
        return mappingNote;
    }

    public ObservableList<String> presetNames() {
        return presetNames;
    }

    public ReadOnlyStringProperty presetMessageProperty() {
        return presetMessage;
    }

    public ObjectProperty<DuplicatePolicy> policyProperty() {
        return policy;
    }

    public BooleanProperty dryRunProperty() {
        return dryRun;
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

    public ReadOnlyObjectProperty<RejectedRows> rejectedRowsProperty() {
        return rejectedRows;
    }

    /** The file's name for titles; the full path is shown where there is room. */
    public String fileName() {
        return Objects.toString(file.getFileName());
    }
}

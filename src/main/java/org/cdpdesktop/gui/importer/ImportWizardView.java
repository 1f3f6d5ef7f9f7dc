package org.cdpdesktop.gui.importer;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.cdpdesktop.core.ingest.ColumnCleaning;
import org.cdpdesktop.core.ingest.CsvDialect;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.FileFormat;
import org.cdpdesktop.core.ingest.ImportFiles;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.gui.Choices;
import org.cdpdesktop.gui.task.TaskExecutor;
import org.cdpdesktop.gui.importer.ImportWizardViewModel.Step;
import org.controlsfx.control.SearchableComboBox;
import atlantafx.base.controls.ToggleSwitch;

/** The import wizard's window content: binds each step's controls to {@link ImportWizardViewModel}. */
public final class ImportWizardView {

    private static final String AUTO_HEADER_ROW = "Auto";
    static final List<String> DATE_FORMATS = List.of("", "yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy",
            "yyyy/MM/dd", "d MMM yyyy", "yyyy-MM-dd HH:mm:ss");

    private final ImportWizardViewModel viewModel;
    private final ObservableIntegerValue queued;
    private final Runnable onClose;
    private final TaskExecutor executor;
    private final ToggleGroup policies = new ToggleGroup();

    @FXML private Label title;
    @FXML private Label filePath;
    @FXML private HBox stepBar;
    @FXML private VBox formatStep;
    @FXML private VBox mappingStep;
    @FXML private VBox duplicatesStep;
    @FXML private VBox runStep;
    @FXML private Label detected;
    @FXML private GridPane csvOptions;
    @FXML private HBox workbookOptions;
    @FXML private ComboBox<String> sheet;
    @FXML private Spinner<Integer> headerRow;
    @FXML private Label jsonNote;
    @FXML private ComboBox<Charset> encoding;
    @FXML private ComboBox<Character> delimiter;
    @FXML private ComboBox<Character> quote;
    @FXML private ComboBox<Character> escape;
    @FXML private ToggleSwitch header;
    @FXML private Spinner<Integer> skipRows;
    @FXML private HBox previewTitle;
    @FXML private Label previewState;
    @FXML private Label previewError;
    @FXML private Label previewProblems;
    @FXML private TableView<List<String>> previewTable;
    @FXML private ComboBox<String> presetName;
    @FXML private Label presetMessage;
    @FXML private Label mappingProblem;
    @FXML private Label mappingNote;
    @FXML private GridPane mappingGrid;
    @FXML private RadioButton policyNewest;
    @FXML private RadioButton policyExisting;
    @FXML private RadioButton policyFill;
    @FXML private CheckBox dryRun;
    @FXML private CheckBox predictCohorts;
    @FXML private Label predictCohortsNote;
    @FXML private VBox progressBox;
    @FXML private Label progressTitle;
    @FXML private ProgressBar progress;
    @FXML private Label progressText;
    @FXML private Label failure;
    @FXML private VBox summaryBox;
    @FXML private Label summaryTitle;
    @FXML private Label summaryRead;
    @FXML private Label summaryInserted;
    @FXML private Label summaryUpdated;
    @FXML private Label summaryDuplicates;
    @FXML private Label summaryRejected;
    @FXML private VBox rejectedCard;
    @FXML private Label cleaningNote;
    @FXML private GridPane cleaningGrid;
    @FXML private Label summaryAccounting;
    @FXML private Label summaryTiming;
    @FXML private Label summaryPrediction;
    @FXML private VBox rejectsBox;
    @FXML private Label rejectsTitle;
    @FXML private TableView<List<String>> rejectsTable;
    @FXML private TextField rejectsPath;
    @FXML private Label queueInfo;
    @FXML private Button closeButton;
    @FXML private Button backButton;
    @FXML private Button nextButton;

    /**
     * @param queued  how many more files wait after this one, for the close button and the queue note
     * @param onClose closes the wizard's window; the next queued file, if any, opens after it
     * @param executor reads what the summary's windows list
     */
    public ImportWizardView(ImportWizardViewModel viewModel, ObservableIntegerValue queued, Runnable onClose, TaskExecutor executor) {
        this.viewModel = viewModel;
        this.queued = queued;
        this.onClose = onClose;
        this.executor = executor;
    }

    @FXML
    private void initialize() {
        title.setText("Import " + viewModel.fileName());
        filePath.setText(viewModel.file().toString());
        bindSteps();
        bindFormat();
        bindMapping();
        bindDuplicates();
        bindRun();
        viewModel.start();
    }

    private void bindSteps() {
        Map<Step, Node> panes = Map.of(Step.FORMAT, formatStep, Step.MAPPING, mappingStep,
                Step.DUPLICATES, duplicatesStep, Step.RUN, runStep);
        panes.forEach((step, pane) -> pane.visibleProperty().bind(viewModel.stepProperty().isEqualTo(step)));
        for (Step step : Step.values()) {
            Label label = new Label((step.ordinal() + 1) + "  " + step.title());
            label.getStyleClass().add("wizard-step");
            stepBar.getChildren().add(label);
        }
        viewModel.stepProperty().addListener((observable, old, step) -> showStep(step));
        showStep(viewModel.stepProperty().get());

        backButton.disableProperty().bind(viewModel.canGoBack().not());
        backButton.visibleProperty().bind(viewModel.stepProperty().isNotEqualTo(Step.RUN));
        backButton.managedProperty().bind(backButton.visibleProperty());
        nextButton.disableProperty().bind(viewModel.canGoNext().not());
        nextButton.visibleProperty().bind(viewModel.stepProperty().isNotEqualTo(Step.RUN));
        nextButton.managedProperty().bind(nextButton.visibleProperty());
        nextButton.textProperty().bind(Bindings.createStringBinding(() -> viewModel.stepProperty().get() != Step.DUPLICATES ? "Next"
                : viewModel.dryRunProperty().get() ? "Check (dry run)" : "Import", viewModel.stepProperty(), viewModel.dryRunProperty()));
        closeButton.textProperty().bind(Bindings.createStringBinding(() -> {
            boolean finished = viewModel.stepProperty().get() == Step.RUN;
            if (queued.get() > 0) {
                return finished ? "Next file" : "Skip this file";
            }
            return finished ? "Close" : "Cancel";
        }, viewModel.stepProperty(), queued));
        closeButton.disableProperty().bind(viewModel.run().runningProperty());
        queueInfo.textProperty().bind(Bindings.createStringBinding(() -> switch (queued.get()) {
            case 0 -> "";
            case 1 -> "1 more file queued";
            default -> queued.get() + " more files queued";
        }, queued));
    }

    private void showStep(Step current) {
        for (Node node : stepBar.getChildren()) {
            int index = stepBar.getChildren().indexOf(node);
            node.getStyleClass().removeAll("current", "done");
            if (index == current.ordinal()) {
                node.getStyleClass().add("current");
            } else if (index < current.ordinal()) {
                node.getStyleClass().add("done");
            }
        }
    }

    private void bindFormat() {
        detected.textProperty().bind(viewModel.format().detectedProperty());
        csvOptions.visibleProperty().bind(viewModel.format().fileFormatProperty().isEqualTo(FileFormat.CSV));
        csvOptions.managedProperty().bind(csvOptions.visibleProperty());
        workbookOptions.visibleProperty().bind(Bindings.createBooleanBinding(() -> viewModel.format().fileFormatProperty().get() != null
                && viewModel.format().fileFormatProperty().get().isWorkbook(), viewModel.format().fileFormatProperty()));
        workbookOptions.managedProperty().bind(workbookOptions.visibleProperty());
        jsonNote.visibleProperty().bind(viewModel.format().fileFormatProperty().isEqualTo(FileFormat.JSON)
                .or(viewModel.format().fileFormatProperty().isEqualTo(FileFormat.JSONL)));
        jsonNote.managedProperty().bind(jsonNote.visibleProperty());
        bindCsvOptions();
        bindWorkbookOptions();
        bindPreview();
    }

    private void bindCsvOptions() {
        encoding.getItems().setAll(FileFormatStep.ENCODINGS);
        encoding.setConverter(converter(charset -> charset == null ? "" : charset.displayName()));
        Choices.bindKeepingChoice(encoding, viewModel.format().encodingProperty());
        delimiter.getItems().setAll(FileFormatStep.DELIMITERS);
        delimiter.setConverter(converter(character -> character == null ? ""
                : capitalise(CsvDialect.describeDelimiter(character)) + (character == '\t' ? "" : "  " + character)));
        Choices.bindKeepingChoice(delimiter, viewModel.format().delimiterProperty());
        quote.getItems().setAll(FileFormatStep.QUOTES);
        quote.setConverter(converter(character -> character == null ? "" : character == '"' ? "Double quote  \"" : "Single quote  '"));
        Choices.bindKeepingChoice(quote, viewModel.format().quoteProperty());
        escape.getItems().setAll(FileFormatStep.ESCAPES);
        escape.setConverter(converter(character -> character == null ? "None (quotes doubled)"
                : character == '\\' ? "Backslash  \\" : "'" + character + "'"));
        escape.valueProperty().bindBidirectional(viewModel.format().escapeProperty());
        header.selectedProperty().bindBidirectional(viewModel.format().headerProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory skip = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1000, 0);
        skipRows.setValueFactory(skip);
        skip.valueProperty().addListener((observable, old, value) -> viewModel.format().skipRowsProperty().set(value == null ? 0 : value));
        viewModel.format().skipRowsProperty().addListener((observable, old, value) -> skip.setValue(value.intValue()));
    }

    /** The sheet picker marks empty sheets; the header row's 0 reads "Auto", the sheet's first non-empty row. */
    private void bindWorkbookOptions() {
        ObservableList<ImportFiles.SheetInfo> sheets = viewModel.format().sheets();
        sheets.addListener((ListChangeListener<ImportFiles.SheetInfo>) change ->
                sheet.getItems().setAll(sheets.stream().map(ImportFiles.SheetInfo::name).toList()));
        sheet.setConverter(converter(name -> name == null ? "" : name + (sheets.stream()
                .anyMatch(info -> info.name().equals(name) && info.empty()) ? "  (empty)" : "")));
        Choices.bindKeepingChoice(sheet, viewModel.format().sheetProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory rows = new SpinnerValueFactory.IntegerSpinnerValueFactory(0,
                FileFormatStep.MAX_HEADER_ROW, 0);
        rows.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null || value == 0 ? AUTO_HEADER_ROW : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                String digits = text == null ? "" : text.strip();
                if (digits.isEmpty() || digits.equalsIgnoreCase(AUTO_HEADER_ROW)) {
                    return 0;
                }
                try {
                    return Math.max(0, Math.min(FileFormatStep.MAX_HEADER_ROW, Integer.parseInt(digits)));
                } catch (NumberFormatException notANumber) {
                    return rows.getValue();
                }
            }
        });
        headerRow.setValueFactory(rows);
        rows.valueProperty().addListener((observable, old, value) -> viewModel.format().headerRowProperty().set(value == null ? 0 : value));
        viewModel.format().headerRowProperty().addListener((observable, old, value) -> rows.setValue(value.intValue()));
    }

    private void bindPreview() {
        previewState.textProperty().bind(Bindings.createStringBinding(() -> previewState(viewModel.format().previewLoadingProperty().get(),
                viewModel.format().previewRows().size()), viewModel.format().previewLoadingProperty(), viewModel.format().previewRows()));
        // A file with no columns (refused, empty) has no preview to promise: its error says why instead.
        var hasPreview = viewModel.format().previewLoadingProperty().or(Bindings.isNotEmpty(viewModel.format().previewHeaders()));
        for (Node node : List.of(previewTitle, previewTable)) {
            node.visibleProperty().bind(hasPreview);
            node.managedProperty().bind(hasPreview);
        }
        previewError.textProperty().bind(viewModel.format().previewErrorProperty());
        hideWhenBlank(previewError);
        previewProblems.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", viewModel.format().previewProblems()), viewModel.format().previewProblems()));
        hideWhenBlank(previewProblems);
        previewTable.setPlaceholder(new Label("The preview appears here."));
        viewModel.format().previewRows().addListener((ListChangeListener<List<String>>) change ->
                RowTables.show(previewTable, viewModel.format().previewHeaders(), viewModel.format().previewRows()));
        viewModel.format().previewHeaders().addListener((ListChangeListener<String>) change ->
                RowTables.show(previewTable, viewModel.format().previewHeaders(), viewModel.format().previewRows()));
    }

    private void bindMapping() {
        presetName.setItems(viewModel.columns().presetNames());
        presetMessage.textProperty().bind(viewModel.columns().presetMessageProperty());
        mappingProblem.textProperty().bind(viewModel.columns().mappingProblemProperty());
        hideWhenBlank(mappingProblem);
        mappingNote.textProperty().bind(viewModel.columns().mappingNoteProperty());
        hideWhenBlank(mappingNote);
        viewModel.columns().mappingRows().addListener((ListChangeListener<MappingRow>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved()) {
                    showMappingRows();
                    return;
                }
            }
        });
        showMappingRows();
    }

    private void showMappingRows() {
        mappingGrid.getChildren().clear();
        mappingGrid.addRow(0, heading("Column in the file"), heading("Sample value"), heading("Goes to"), heading("Format or attribute name"));
        List<TargetChoice> choices = TargetChoice.all();
        int rowIndex = 1;
        for (MappingRow row : viewModel.columns().mappingRows()) {
            Label column = new Label(row.column());
            column.getStyleClass().add("mapping-column");
            Label sample = new Label(row.sample());
            sample.getStyleClass().add("wizard-muted");
            SearchableComboBox<TargetChoice> target = new SearchableComboBox<>();
            target.setId("mapping-target-" + (rowIndex - 1));
            target.setUserData(row.column());
            target.getItems().setAll(choices);
            target.setMaxWidth(Double.MAX_VALUE);
            Choices.bindKeepingChoice(target, row.targetProperty());
            mappingGrid.addRow(rowIndex, column, sample, target, detailFor(row, rowIndex - 1));
            rowIndex++;
        }
    }

    /** The fourth cell of a mapping row: what to tell or ask about the chosen target. */
    private Node detailFor(MappingRow row, int index) {
        TextField attributeName = new TextField();
        attributeName.textProperty().bindBidirectional(row.attributeNameProperty());
        attributeName.setPromptText("attribute name");
        ComboBox<String> format = new ComboBox<>();
        format.setEditable(true);
        format.getItems().setAll(DATE_FORMATS);
        format.setPromptText("recognised automatically");
        format.valueProperty().bindBidirectional(row.formatProperty());
        format.setMaxWidth(Double.MAX_VALUE);
        Label note = new Label();
        note.getStyleClass().add("wizard-muted");
        note.setWrapText(true);
        note.setId("mapping-note-" + index);
        note.textProperty().bind(Bindings.createStringBinding(() -> noteFor(row.targetProperty().get(),
                viewModel.columns().interestColumns().size()), row.targetProperty(), viewModel.columns().mappingRows()));
        StackPane detail = new StackPane(attributeName, format, note);
        detail.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Runnable show = () -> {
            TargetChoice choice = row.targetProperty().get();
            TargetChoice.Kind kind = choice == null ? TargetChoice.Kind.SKIP : choice.kind();
            attributeName.setVisible(kind == TargetChoice.Kind.ATTRIBUTE);
            format.setVisible(kind == TargetChoice.Kind.FIELD && MappingRow.takesFormat(choice.field()));
            note.setVisible(!attributeName.isVisible() && !format.isVisible());
        };
        row.targetProperty().addListener((observable, old, choice) -> show.run());
        show.run();
        return detail;
    }

    private static String previewState(boolean loading, int rows) {
        if (loading) {
            return "Reading…";
        }
        return switch (rows) {
            case 0 -> "no rows under the column names";
            case 1 -> "the only row";
            default -> rows < FileFormatStep.PREVIEW_ROWS ? "all " + rows + " rows" : "first " + rows + " rows";
        };
    }

    /** @param interestColumns how many columns go to Interests: several are united, not a clash */
    private static String noteFor(TargetChoice choice, int interestColumns) {
        if (choice == null || choice.kind() == TargetChoice.Kind.SKIP) {
            return "Not imported";
        }
        if (choice.kind() == TargetChoice.Kind.COHORT) {
            return "Each value becomes a cohort of the customer";
        }
        if (choice.kind() != TargetChoice.Kind.FIELD) {
            return "";
        }
        ProfileField field = choice.field();
        return switch (field) {
            case EXTERNAL_ID -> "Identifies the customer";
            case EMAIL -> "Lower-cased and checked; also identifies the customer";
            case PHONE -> "Digits, with a leading + kept";
            case AGE -> "Whole years 0-120; other values kept aside as invalid_age";
            case GENDER -> "M, male, F, female… become Male or Female; others as given";
            case INCOME -> "Numbers, 25000-50000 ranges and $50k are understood";
            case INTERESTS -> interestColumns > 1
                    ? "One of " + interestColumns + " interest columns, united; each split on | , ; and lower-cased"
                    : "Split on | , ; or ['a', 'b']; trimmed, lower-cased";
            case COUNTRY -> "Names and codes (US, DE…) become country names";
            default -> "Kept as text, trimmed";
        };
    }

    private void bindDuplicates() {
        Map<Toggle, DuplicatePolicy> byToggle = Map.of(policyNewest, DuplicatePolicy.NEWEST,
                policyExisting, DuplicatePolicy.EXISTING, policyFill, DuplicatePolicy.FILL);
        byToggle.keySet().forEach(toggle -> toggle.setToggleGroup(policies));
        policies.selectedToggleProperty().addListener((observable, old, selected) -> {
            if (selected != null) {
                viewModel.policyProperty().set(byToggle.get(selected));
            }
        });
        byToggle.forEach((toggle, policy) -> toggle.setSelected(policy == viewModel.policyProperty().get()));
        dryRun.selectedProperty().bindBidirectional(viewModel.dryRunProperty());
        predictCohorts.selectedProperty().bindBidirectional(viewModel.predictProperty());
        predictCohorts.disableProperty().bind(viewModel.modelActiveProperty().not().or(viewModel.dryRunProperty()));
        predictCohortsNote.textProperty().bind(Bindings.when(viewModel.modelActiveProperty())
                .then("After the import, as a job of its own: the profiles this file adds or updates get the active model's cohorts,"
                        + " shown in their details and usable in segments.")
                .otherwise("No cohort model is active; train or activate one on the Model screen to predict cohorts after an import."));
    }

    private void bindRun() {
        progressBox.visibleProperty().bind(viewModel.run().runningProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        progressTitle.setText("Importing " + viewModel.fileName() + "…");
        progress.progressProperty().bind(viewModel.run().progressProperty());
        progressText.textProperty().bind(viewModel.run().progressTextProperty());
        failure.textProperty().bind(viewModel.run().failureProperty());
        hideWhenBlank(failure);
        summaryPrediction.textProperty().bind(viewModel.run().predictionProperty());
        hideWhenBlank(summaryPrediction);
        summaryBox.visibleProperty().bind(viewModel.run().summaryProperty().isNotNull());
        summaryBox.managedProperty().bind(summaryBox.visibleProperty());
        rejectsBox.setVisible(false);
        rejectsBox.managedProperty().bind(rejectsBox.visibleProperty());
        viewModel.run().summaryProperty().addListener((observable, old, summary) -> {
            if (summary != null) {
                showSummary(summary);
            }
        });
        viewModel.run().rejectedRowsProperty().addListener((observable, old, rows) -> {
            if (rows != null) {
                RowTables.showRejects(rejectsTable, rows.headers(), rows.rows());
                if (rows.total() > rows.rows().size()) {
                    rejectsTitle.setText(rejectsTitle.getText() + String.format(" — the first %,d of %,d are shown", rows.rows().size(), rows.total()));
                }
            }
        });
        rejectsTable.setPlaceholder(new Label("Reading the rejected rows…"));
    }

    private void showSummary(ImportSummary summary) {
        summaryTitle.setText(summary.dryRun()
                ? "Dry run finished: nothing was written. This is what the import would do."
                : "Import finished: every row is accounted for.");
        summaryRead.setText(String.format("%,d", summary.read()));
        summaryInserted.setText(String.format("%,d", summary.inserted()));
        summaryUpdated.setText(String.format("%,d", summary.updated()));
        summaryDuplicates.setText(String.format("%,d", summary.duplicates()));
        summaryRejected.setText(String.format("%,d", summary.rejected()));
        summaryAccounting.setText(ImportRunStep.accounting(summary));
        summaryTiming.setText(String.format("%s in %.1f s, %,.0f rows/s", viewModel.fileName(), summary.seconds(), summary.rowsPerSecond()));
        rejectedCard.getStyleClass().remove("attention");
        if (summary.rejected() > 0) {
            rejectedCard.getStyleClass().add("attention");
        }
        showCleaning(summary);
        rejectsBox.setVisible(summary.rejected() > 0);
        if (summary.rejected() > 0) {
            rejectsTitle.setText(String.format("%,d rejected %s, each with its line in the file and the reason",
                    summary.rejected(), summary.rejected() == 1 ? "row" : "rows"));
            rejectsPath.setText(summary.rejectsFile() == null ? "" : summary.rejectsFile());
        }
    }

    /**
     * Per column, how many values were stored in another form and how many were kept aside as {@code invalid_*}; only
     * kept-aside values need the user's attention, so only they are coloured, each with a way to list those profiles.
     */
    private void showCleaning(ImportSummary summary) {
        cleaningGrid.getChildren().clear();
        List<ColumnCleaning> changed = summary.cleaning().stream()
                .filter(column -> column.normalised() > 0 || column.invalid() > 0).toList();
        long invalid = summary.invalidValues();
        cleaningNote.setText(changed.isEmpty() ? "Every value was stored as written."
                : invalid == 0 ? "Some values were stored in a cleaner form; none had to be kept aside."
                : String.format("%,d %s could not be cleaned: the field stays empty and the value is kept as written in an"
                        + " invalid_ attribute.", invalid, invalid == 1 ? "value" : "values"));
        int row = 0;
        for (ColumnCleaning column : changed) {
            Label name = new Label(column.column() + " → " + column.field().label());
            name.getStyleClass().add("mapping-column");
            Label normalised = new Label(String.format("%,d normalised", column.normalised()));
            normalised.setId("cleaning-normalised-" + column.column());
            Label kept = new Label(String.format("%,d kept aside as %s", column.invalid(), column.invalidAttribute()));
            kept.setId("cleaning-invalid-" + column.column());
            if (column.invalid() > 0) {
                kept.getStyleClass().add("cleaning-invalid");
            } else {
                kept.getStyleClass().add("wizard-muted");
            }
            cleaningGrid.addRow(row++, name, normalised, kept);
            if (column.invalid() > 0 && !summary.dryRun()) {
                Hyperlink list = new Hyperlink("List these profiles");
                list.setId("cleaning-list-" + column.column());
                list.setOnAction(event -> RejectsWindow.show(cleaningGrid.getScene().getWindow(),
                        column.invalidAttribute() + " — " + viewModel.fileName(),
                        "Profiles from " + viewModel.fileName() + " whose " + column.column() + " could not be cleaned",
                        "The value as written is kept in the attribute " + column.invalidAttribute()
                                + "; correct it in the Profiles screen, or fix the file and import it again.",
                        "invalid-profiles-table", false, viewModel.run().profilesWithInvalid(column), executor));
                cleaningGrid.add(list, 3, row - 1);
            }
        }
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    @FXML
    private void back() {
        viewModel.back();
    }

    @FXML
    private void close() {
        onClose.run();
    }

    @FXML
    private void cancelImport() {
        viewModel.run().cancel();
    }

    @FXML
    private void loadPreset() {
        viewModel.columns().loadPreset(presetName.getEditor().getText());
    }

    @FXML
    private void savePreset() {
        viewModel.columns().savePreset(presetName.getEditor().getText());
    }

    @FXML
    private void copyRejectsPath() {
        ClipboardContent content = new ClipboardContent();
        content.putString(rejectsPath.getText());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void revealRejects() {
        viewModel.run().revealRejects();
    }

    /** Whether the wizard may close now: not while an import runs (cancel it first). */
    public boolean canClose() {
        return !viewModel.run().runningProperty().get();
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("mapping-heading");
        return label;
    }

    private static void hideWhenBlank(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("These choices are picked from a list, never typed");
            }
        };
    }
}

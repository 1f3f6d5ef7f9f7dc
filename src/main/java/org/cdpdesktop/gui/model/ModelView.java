package org.cdpdesktop.gui.model;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.cdpdesktop.core.model.Algorithm;
import org.cdpdesktop.core.model.CohortTerms;
import org.cdpdesktop.core.model.DriftReport;
import org.cdpdesktop.core.model.EvaluationReport;
import org.cdpdesktop.core.model.LabelMode;
import org.cdpdesktop.core.model.ModelMetadata;
import org.cdpdesktop.core.model.Prediction;
import org.cdpdesktop.core.model.TermWeight;
import org.cdpdesktop.gui.Activatable;
import org.cdpdesktop.gui.TableColumns;
import org.cdpdesktop.gui.task.RunningJob;

/** The Model screen: train and evaluate, read the figures and the terms behind them, try a text, watch drift. */
public final class ModelView {

    private static final List<String> FEATURES = List.of("age", "income", "gender", "country", "education");

    private final ModelViewModel viewModel;
    /** The per-cohort table's thresholds, shown for a multi-label model only. */
    private TableColumn<EvaluationReport.ClassFigures, String> threshold;

    @FXML private VBox root;
    @FXML private ComboBox<ModelMetadata> modelChoice;
    @FXML private Button activate;
    @FXML private Button predictAll;
    @FXML private Label activeLabel;
    @FXML private Label error;
    @FXML private Label status;
    @FXML private HBox progressRow;
    @FXML private ProgressBar progress;
    @FXML private Label progressText;
    @FXML private Button cancel;
    @FXML private TabPane tabs;
    @FXML private FlowPane figures;
    @FXML private Label noFigures;
    @FXML private GridPane matrix;
    @FXML private Label cellTitle;
    @FXML private ListView<String> cellMembers;
    @FXML private ComboBox<String> termCohort;
    @FXML private VBox positiveTerms;
    @FXML private VBox negativeTerms;
    @FXML private TableView<EvaluationReport.ClassFigures> perClass;
    @FXML private ComboBox<ModelMetadata> compareChoice;
    @FXML private GridPane comparison;
    @FXML private ComboBox<String> label;
    @FXML private ComboBox<LabelMode> labelMode;
    @FXML private Label matrixTitle;
    @FXML private CheckBox interests;
    @FXML private CheckBox bio;
    @FXML private FlowPane featureBoxes;
    @FXML private ComboBox<Algorithm> algorithm;
    @FXML private TextField cost;
    @FXML private TextField trees;
    @FXML private TextField ngrams;
    @FXML private TextField minTermFrequency;
    @FXML private TextField folds;
    @FXML private TextField holdOut;
    @FXML private TextField seed;
    @FXML private Button train;
    @FXML private TextField tryText;
    @FXML private Button tryButton;
    @FXML private Label tryResult;
    @FXML private VBox tryReasons;
    @FXML private Label driftSummary;
    @FXML private TableView<DriftReport.FeatureDrift> driftTable;
    @FXML private Button driftRefresh;

    public ModelView(ModelViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bindTraining();
        bindModels();
        bindEvaluation();
        bindTry();
        bindDrift();
        Activatable.whileShown(root, viewModel);
    }

    private void bindTraining() {
        label.getItems().setAll(ModelViewModel.LABELS);
        label.valueProperty().bindBidirectional(viewModel.labelProperty());
        labelMode.getItems().setAll(LabelMode.values());
        labelMode.setConverter(new StringConverter<>() {
            @Override
            public String toString(LabelMode mode) {
                return mode == null ? "" : switch (mode) {
                    case AUTO -> "One or several cohorts per profile, as the data has";
                    case SINGLE -> "One cohort per profile";
                    case MULTI -> "Several cohorts per profile (one-vs-rest)";
                };
            }

            @Override
            public LabelMode fromString(String text) {
                return null;
            }
        });
        labelMode.valueProperty().bindBidirectional(viewModel.labelModeProperty());
        labelMode.disableProperty().bind(viewModel.labelProperty().isNotEqualTo(ModelViewModel.LABELS.get(0)));
        interests.selectedProperty().bindBidirectional(viewModel.interestsProperty());
        bio.selectedProperty().bindBidirectional(viewModel.bioProperty());
        for (String feature : FEATURES) {
            CheckBox box = new CheckBox(feature.substring(0, 1).toUpperCase(Locale.ROOT) + feature.substring(1));
            box.setId("model-feature-" + feature);
            box.selectedProperty().addListener((observable, old, selected) -> {
                if (selected) {
                    viewModel.features().add(feature);
                } else {
                    viewModel.features().remove(feature);
                }
            });
            featureBoxes.getChildren().add(box);
        }
        algorithm.getItems().setAll(Algorithm.values());
        algorithm.valueProperty().bindBidirectional(viewModel.algorithmProperty());
        cost.textProperty().bindBidirectional(viewModel.costProperty());
        trees.textProperty().bindBidirectional(viewModel.treesProperty());
        ngrams.textProperty().bindBidirectional(viewModel.ngramsProperty());
        minTermFrequency.textProperty().bindBidirectional(viewModel.minTermFrequencyProperty());
        folds.textProperty().bindBidirectional(viewModel.foldsProperty());
        holdOut.textProperty().bindBidirectional(viewModel.holdOutProperty());
        seed.textProperty().bindBidirectional(viewModel.seedProperty());
        train.disableProperty().bind(viewModel.busyProperty());
        train.setOnAction(event -> viewModel.train());
        predictAll.disableProperty().bind(viewModel.busyProperty().or(viewModel.activeIdProperty().isEmpty()));
        predictAll.setOnAction(event -> viewModel.predictAll());
        viewModel.runningJobProperty().addListener((observable, old, job) -> showJob(job));
        cancel.setOnAction(event -> {
            RunningJob job = viewModel.runningJobProperty().get();
            if (job != null) {
                job.cancel();
            }
        });
        showMessage(error, viewModel.errorProperty().get());
        viewModel.errorProperty().addListener((observable, old, text) -> showMessage(error, text));
        viewModel.statusProperty().addListener((observable, old, text) -> showMessage(status, text));
    }

    private void showJob(RunningJob job) {
        progressRow.setVisible(job != null);
        progressRow.setManaged(job != null);
        progress.progressProperty().unbind();
        progressText.textProperty().unbind();
        if (job != null) {
            progress.progressProperty().bind(job.progressProperty());
            progressText.textProperty().bind(job.descriptionProperty());
        }
    }

    private static void showMessage(Label target, String text) {
        boolean shown = text != null && !text.isBlank();
        target.setText(shown ? text : "");
        target.setVisible(shown);
        target.setManaged(shown);
    }

    private void bindModels() {
        StringConverter<ModelMetadata> names = new StringConverter<>() {
            @Override
            public String toString(ModelMetadata model) {
                return model == null ? "" : Format.modelName(model);
            }

            @Override
            public ModelMetadata fromString(String text) {
                return null;
            }
        };
        modelChoice.setConverter(names);
        modelChoice.setItems(viewModel.models());
        modelChoice.setPromptText("No model yet");
        compareChoice.setConverter(names);
        compareChoice.setItems(viewModel.models());
        compareChoice.setPromptText("Another model");
        modelChoice.valueProperty().addListener((observable, old, model) -> {
            if (model != null && model != viewModel.shownProperty().get()) {
                viewModel.show(model);
            }
        });
        viewModel.shownProperty().addListener((observable, old, model) -> {
            selectIn(modelChoice, model);
            showFigures(model);
        });
        viewModel.models().addListener((javafx.collections.ListChangeListener<ModelMetadata>) change ->
                selectIn(modelChoice, viewModel.shownProperty().get()));
        // The shown model is the one "Make active" activates, whatever copy of it the list holds after a refresh.
        activate.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> viewModel.shownProperty().get() == null
                || viewModel.shownProperty().get().id().equals(viewModel.activeIdProperty().get()), viewModel.shownProperty(), viewModel.activeIdProperty()));
        activate.setOnAction(event -> viewModel.activateShown());
        activeLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> viewModel.activeIdProperty().get().isEmpty()
                ? "No active model" : "Active: " + viewModel.activeIdProperty().get(), viewModel.activeIdProperty()));
        compareChoice.valueProperty().bindBidirectional(viewModel.comparedProperty());
        compareChoice.valueProperty().addListener((observable, old, model) -> showComparison());
    }

    private static void selectIn(ComboBox<ModelMetadata> choice, ModelMetadata model) {
        if (model == null) {
            return;
        }
        choice.getItems().stream().filter(m -> m.id().equals(model.id())).findFirst().ifPresent(m -> {
            if (choice.getValue() != m) {
                choice.setValue(m);
            }
        });
    }

    private void bindEvaluation() {
        TableColumn<EvaluationReport.ClassFigures, String> name = column("Cohort", f -> f.name());
        name.setPrefWidth(200);
        threshold = column("Threshold", f -> {
            ModelMetadata model = viewModel.shownProperty().get();
            return model == null ? "" : Format.percent(model.threshold(f.name()));
        });
        threshold.setId("model-threshold-column");
        perClass.getColumns().setAll(List.of(name, threshold,
                column("Profiles", f -> String.format("%,d", f.support())),
                column("Precision", f -> Format.ratio(f.precision())),
                column("Recall", f -> Format.ratio(f.recall())),
                column("F1", f -> Format.ratio(f.f1())),
                column("ROC area", f -> f.rocArea() == null ? "–" : Format.ratio(f.rocArea())),
                column("PR area", f -> f.prArea() == null ? "–" : Format.ratio(f.prArea()))));
        perClass.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        perClass.setPlaceholder(new Label("No figures yet."));
        cellMembers.setItems(viewModel.cellMembers());
        cellMembers.setPlaceholder(new Label("Click a cell of the matrix to list its profiles."));
        cellTitle.textProperty().bind(viewModel.cellTitleProperty());
        viewModel.cellProfilesProperty().addListener((observable, old, cells) -> {
            showFigures(viewModel.shownProperty().get());
            if (cells != null) {
                tabs.getSelectionModel().select(0);
            }
        });
        viewModel.termsProperty().addListener((observable, old, terms) -> {
            String chosen = termCohort.getValue();
            termCohort.getItems().setAll(terms.stream().map(CohortTerms::cohort).toList());
            termCohort.setValue(terms.stream().anyMatch(t -> t.cohort().equals(chosen)) ? chosen
                    : terms.isEmpty() ? null : terms.get(0).cohort());
            showTerms();
        });
        termCohort.setPromptText("Logistic regression models only");
        termCohort.valueProperty().addListener((observable, old, cohort) -> showTerms());
        showFigures(null);
    }

    private static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(90);
        return TableColumns.atLeastHeaderWide(column);
    }

    private void showFigures(ModelMetadata model) {
        figures.getChildren().clear();
        matrix.getChildren().clear();
        noFigures.setVisible(model == null);
        noFigures.setManaged(model == null);
        matrixTitle.setText("Confusion matrix (rows: label, columns: predicted). Click a cell to list its profiles.");
        if (model == null) {
            perClass.getItems().clear();
            return;
        }
        EvaluationReport report = model.evaluation();
        threshold.setVisible(model.multiLabel());
        perClass.getItems().setAll(report.perClass());
        cellMembers.setPlaceholder(new Label(viewModel.cellProfilesProperty().get() == null
                ? "This model was saved without the profiles behind its figures; retrain it to list them."
                : "Click a cell of the matrix to list its profiles."));
        if (report.multiLabel() != null) {
            showMultiLabelFigures(model);
            showComparison();
            return;
        }
        figures.getChildren().setAll(
                figure("Accuracy", Format.percent(report.accuracy()), "model-accuracy"),
                figure("Macro F1", Format.ratio(report.macroF1()), "model-macro-f1"),
                figure("Weighted F1", Format.ratio(report.weightedF1()), "model-weighted-f1"),
                figure("Cohen's kappa", Format.ratio(report.kappa()), "model-kappa"),
                figure("Tested on", String.format("%,d profiles", report.testedRows()), "model-tested"),
                figure("Evaluation", report.method(), "model-method"),
                figure("Training time", Format.millis(report.trainMillis()), "model-train-time"));
        List<String> classes = report.classes();
        long[][] counts = report.confusionMatrix();
        long most = 1;
        for (long[] row : counts) {
            for (long count : row) {
                most = Math.max(most, count);
            }
        }
        for (int p = 0; p < classes.size(); p++) {
            Label header = new Label(Format.initials(classes.get(p)));
            header.setTooltip(new Tooltip("Predicted " + classes.get(p)));
            header.getStyleClass().add("confusion-header");
            matrix.add(header, p + 1, 0);
        }
        for (int a = 0; a < classes.size(); a++) {
            Label rowHeader = new Label(classes.get(a));
            rowHeader.getStyleClass().add("confusion-header");
            matrix.add(rowHeader, 0, a + 1);
            for (int p = 0; p < classes.size(); p++) {
                Button cell = new Button(String.format("%,d", counts[a][p]));
                cell.setId("confusion-" + a + "-" + p);
                cell.getStyleClass().add("confusion-cell");
                double strength = counts[a][p] / (double) most;
                String colour = a == p ? "rgba(46,160,67," : "rgba(218,54,51,";
                cell.setStyle("-fx-background-color: " + colour + String.format(Locale.ROOT, "%.2f", 0.08 + 0.6 * strength) + ");");
                cell.setTooltip(new Tooltip(String.format("%,d labelled %s, predicted %s", counts[a][p], classes.get(a), classes.get(p))));
                int actual = a;
                int predicted = p;
                cell.setOnAction(event -> viewModel.selectCell(actual, predicted));
                matrix.add(cell, p + 1, a + 1);
            }
        }
        showComparison();
    }

    /**
     * A multi-label model's figures: per profile (subset accuracy), per decision (micro F1, Hamming loss), per cohort
     * (macro F1), and each cohort's own 2x2 in place of one confusion matrix.
     */
    private void showMultiLabelFigures(ModelMetadata model) {
        EvaluationReport report = model.evaluation();
        EvaluationReport.MultiLabelFigures multi = report.multiLabel();
        figures.getChildren().setAll(
                figure("Subset accuracy", Format.percent(multi.subsetAccuracy()), "model-subset-accuracy"),
                figure("Micro F1", Format.ratio(multi.microF1()), "model-micro-f1"),
                figure("Macro F1", Format.ratio(report.macroF1()), "model-macro-f1"),
                figure("Hamming loss", Format.ratio(multi.hammingLoss()), "model-hamming-loss"),
                figure("Cohorts per profile", String.format("%.2f", multi.cardinality()), "model-cardinality"),
                figure("Tested on", String.format("%,d profiles", report.testedRows()), "model-tested"),
                figure("Evaluation", report.method(), "model-method"),
                figure("Training time", Format.millis(report.trainMillis()), "model-train-time"));
        if (multi.macroF1AtHalf() != null) {
            figures.getChildren().add(3, figure("Macro F1 at 50% for all", Format.ratio(multi.macroF1AtHalf()), "model-macro-f1-at-half"));
        }
        matrixTitle.setText(model.thresholds() == null
                ? "Several cohorts per profile: each cohort's own 2x2. A cohort is given at 50% probability or more (at least the"
                        + " likeliest one). Click a cell to list its profiles."
                : "Several cohorts per profile: each cohort's own 2x2. A cohort is given from its threshold, chosen for its best F1"
                        + " on profiles the learners did not train on (at least the likeliest one). Click a cell to list its profiles.");
        String[] headings = {"Given,\nlabelled", "Given, not\nlabelled", "Labelled,\nnot given", "Neither", "Threshold"};
        for (int column = 0; column < headings.length; column++) {
            Label header = new Label(headings[column]);
            header.getStyleClass().add("confusion-header");
            header.setMinWidth(Region.USE_PREF_SIZE);
            header.setPadding(new Insets(0, 6, 0, column == 4 ? 8 : 0));
            matrix.add(header, column + 1, 0);
        }
        for (int row = 0; row < multi.confusion().size(); row++) {
            EvaluationReport.BinaryConfusion cohort = multi.confusion().get(row);
            Label name = new Label(cohort.name());
            name.getStyleClass().add("confusion-header");
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.setPadding(new Insets(0, 8, 0, 0));
            matrix.add(name, 0, row + 1);
            long[] counts = {cohort.truePositives(), cohort.falsePositives(), cohort.falseNegatives(), cohort.trueNegatives()};
            for (int column = 0; column < counts.length; column++) {
                Button cell = new Button(String.format("%,d", counts[column]));
                cell.setId("binary-" + row + "-" + column);
                cell.getStyleClass().add("cohort-cell");
                cell.setMinWidth(Region.USE_PREF_SIZE);
                cell.setMaxWidth(Double.MAX_VALUE);
                double strength = counts[column] / (double) Math.max(1, report.testedRows());
                String colour = column == 0 || column == 3 ? "rgba(46,160,67," : "rgba(218,54,51,";
                cell.setStyle("-fx-background-color: " + colour + String.format(Locale.ROOT, "%.2f", 0.08 + 0.6 * strength) + ");");
                cell.setTooltip(new Tooltip(String.format("%,d profiles %s", counts[column], ModelViewModel.cellName(model, row, column))));
                int actual = row;
                int which = column;
                cell.setOnAction(event -> viewModel.selectCell(actual, which));
                matrix.add(cell, column + 1, row + 1);
            }
            Label givenFrom = new Label(Format.percent(model.threshold(cohort.name())));
            givenFrom.setId("threshold-" + row);
            givenFrom.setPadding(new Insets(0, 0, 0, 8));
            givenFrom.setTooltip(new Tooltip(cohort.name() + " is given from this probability"));
            matrix.add(givenFrom, 5, row + 1);
        }
    }

    private static VBox figure(String name, String value, String id) {
        Label valueLabel = new Label(value);
        valueLabel.setId(id);
        valueLabel.getStyleClass().add("figure-value");
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add("muted-text");
        VBox card = new VBox(2, nameLabel, valueLabel);
        card.getStyleClass().add("figure-card");
        return card;
    }

    private void showTerms() {
        positiveTerms.getChildren().clear();
        negativeTerms.getChildren().clear();
        String cohort = termCohort.getValue();
        viewModel.termsProperty().get().stream().filter(t -> t.cohort().equals(cohort)).findFirst().ifPresent(terms -> {
            terms.positive().forEach(t -> positiveTerms.getChildren().add(termLine(t)));
            terms.negative().forEach(t -> negativeTerms.getChildren().add(termLine(t)));
        });
    }

    private static Label termLine(TermWeight term) {
        return new Label(String.format("%s  %+.2f", term.term(), term.weight()));
    }

    private void showComparison() {
        comparison.getChildren().clear();
        ModelMetadata left = viewModel.shownProperty().get();
        ModelMetadata right = compareChoice.getValue();
        if (left == null || right == null) {
            return;
        }
        comparison.addRow(0, new Label(""), bold(left.id()), bold(right.id()));
        String[][] rows = {
            {"Algorithm", left.algorithm(), right.algorithm()},
            {"Label", left.spec().labelName(), right.spec().labelName()},
            {"Text and fields", String.join(", ", fields(left)), String.join(", ", fields(right))},
            {"Evaluation", left.evaluation().method(), right.evaluation().method()},
            {"Accuracy", Format.percent(left.evaluation().accuracy()), Format.percent(right.evaluation().accuracy())},
            {"Macro F1", Format.ratio(left.evaluation().macroF1()), Format.ratio(right.evaluation().macroF1())},
            {"Weighted F1", Format.ratio(left.evaluation().weightedF1()), Format.ratio(right.evaluation().weightedF1())},
            {"Cohen's kappa", Format.ratio(left.evaluation().kappa()), Format.ratio(right.evaluation().kappa())},
            {"Training rows", String.format("%,d", left.trainingRows()), String.format("%,d", right.trainingRows())},
            {"Training time", Format.millis(left.evaluation().trainMillis()), Format.millis(right.evaluation().trainMillis())},
        };
        for (int i = 0; i < rows.length; i++) {
            comparison.addRow(i + 1, new Label(rows[i][0]), new Label(rows[i][1]), new Label(rows[i][2]));
        }
    }

    private static List<String> fields(ModelMetadata model) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(model.textFields());
        all.addAll(model.features());
        return all;
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private void bindTry() {
        tryText.textProperty().bindBidirectional(viewModel.tryTextProperty());
        tryButton.setOnAction(event -> viewModel.predictText());
        tryText.setOnAction(event -> viewModel.predictText());
        viewModel.tryResultProperty().addListener((observable, old, prediction) -> showPrediction(prediction));
    }

    private void showPrediction(Prediction prediction) {
        tryReasons.getChildren().clear();
        if (prediction == null) {
            tryResult.setText("");
            return;
        }
        if (prediction.assigned().size() > 1) {
            showCohorts(prediction);
            return;
        }
        tryResult.setText(String.format("%s · %s confident", prediction.cohort(), Format.percent(prediction.confidence())));
        if (prediction.reasons().isEmpty()) {
            tryReasons.getChildren().add(new Label("This model's algorithm has no term weights to explain it with."));
        }
        for (TermWeight reason : prediction.reasons()) {
            Label line = new Label(String.format("%s  %+.2f  %s", reason.term(), reason.weight(),
                    reason.weight() > 0 ? "towards " + prediction.cohort() : "away from " + prediction.cohort()));
            tryReasons.getChildren().add(line);
        }
        String others = prediction.scores().stream().skip(1).limit(3)
                .map(s -> s.cohort() + " " + Format.percent(s.probability())).reduce((a, b) -> a + ", " + b).orElse("");
        if (!others.isEmpty()) {
            Label next = new Label("Next most likely: " + others);
            next.getStyleClass().add("muted-text");
            tryReasons.getChildren().add(next);
        }
    }

    /** Several cohorts given at once: each with its probability and the terms behind it. */
    private void showCohorts(Prediction prediction) {
        tryResult.setText(prediction.assigned().stream()
                .map(cohort -> cohort.cohort() + " " + Format.percent(cohort.confidence()))
                .reduce((a, b) -> a + " · " + b).orElse(""));
        for (Prediction.Assigned cohort : prediction.assigned()) {
            tryReasons.getChildren().add(bold(cohort.cohort()));
            for (TermWeight reason : cohort.reasons()) {
                tryReasons.getChildren().add(new Label(String.format("%s  %+.2f  %s", reason.term(), reason.weight(),
                        reason.weight() > 0 ? "towards " + cohort.cohort() : "away from " + cohort.cohort())));
            }
        }
    }

    private void bindDrift() {
        TableColumn<DriftReport.FeatureDrift, String> feature = column("Feature", DriftReport.FeatureDrift::feature);
        feature.setPrefWidth(230);
        TableColumn<DriftReport.FeatureDrift, String> before = column("Training data", DriftReport.FeatureDrift::before);
        before.setPrefWidth(180);
        TableColumn<DriftReport.FeatureDrift, String> after = column("Today", DriftReport.FeatureDrift::after);
        after.setPrefWidth(180);
        driftTable.getColumns().setAll(List.of(feature,
                column("Measure", DriftReport.FeatureDrift::measure),
                column("Value", f -> String.format("%.3f", f.value())),
                column("Level", f -> f.level().name().toLowerCase(Locale.ROOT)),
                before, after));
        driftTable.setPlaceholder(new Label("No active model to measure drift for."));
        viewModel.driftProperty().addListener((observable, old, report) -> showDrift(report));
        driftRefresh.setOnAction(event -> viewModel.refresh());
        showDrift(null);
    }

    private void showDrift(DriftReport report) {
        if (report == null) {
            driftTable.getItems().clear();
            driftSummary.setText("Drift compares the active model's training data with today's profiles.");
            return;
        }
        driftTable.getItems().setAll(report.features());
        driftSummary.setText(Format.driftSummary(report));
        driftSummary.getStyleClass().remove("drift-warning");
        if (report.drifted()) {
            driftSummary.getStyleClass().add("drift-warning");
        }
    }
}

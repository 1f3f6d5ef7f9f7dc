package org.cdpdesktop.gui.segments;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.gui.TableColumns;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.segment.CohortSize;
import org.cdpdesktop.core.segment.Insight;
import org.cdpdesktop.core.segment.Segment;
import org.cdpdesktop.core.segment.SegmentHistory;
import org.cdpdesktop.core.segment.SegmentSize;

/**
 * Segments and cohorts: binds the screen to {@link SegmentsViewModel} and its parts, builds the charts and tables
 * they show, and answers the view-model's questions with dialogs ({@link SegmentsDialogs}).
 */
public final class SegmentsView {

    private static final List<ProfileField> TABLE_FIELDS = List.of(ProfileField.EXTERNAL_ID, ProfileField.EMAIL,
            ProfileField.COUNTRY, ProfileField.CITY, ProfileField.AGE, ProfileField.INCOME, ProfileField.EDUCATION,
            ProfileField.INTERESTS);

    private final SegmentsViewModel viewModel;
    private final RuleEditor editor;

    @FXML
    private Label status;
    @FXML
    private ListView<SegmentSize> segmentList;
    @FXML
    private TextField name;
    @FXML
    private TextField description;
    @FXML
    private VBox builderHolder;
    @FXML
    private TextArea ruleText;
    @FXML
    private Label ruleProblem;
    @FXML
    private Label count;
    @FXML
    private Button saveButton;
    @FXML
    private Button duplicateButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Button exportButton;
    @FXML
    private TableView<Profile> preview;
    @FXML
    private MenuButton compare;
    @FXML
    private Label trendNote;
    @FXML
    private SegmentTrendChart trend;
    @FXML
    private Label changesSince;
    @FXML
    private Label joinedTitle;
    @FXML
    private Label leftTitle;
    @FXML
    private ListView<Profile> joined;
    @FXML
    private ListView<Profile> left;
    @FXML
    private SplitPane cohortContent;
    @FXML
    private VBox cohortEmpty;
    @FXML
    private BarChart<String, Number> cohortChart;
    @FXML
    private ListView<CohortSize> cohortList;
    @FXML
    private TableView<Profile> cohortMembers;
    @FXML
    private Button insightsButton;
    @FXML
    private Button fromInsightButton;
    @FXML
    private Label insightsNote;
    @FXML
    private InsightsTable insights;
    @FXML
    private TextField lookalikeSize;
    @FXML
    private TextField lookalikeName;
    @FXML
    private Button lookalikeButton;
    @FXML
    private Label lookalikeNote;
    @FXML
    private Tab overlapTab;
    @FXML
    private Label overlapNote;
    @FXML
    private OverlapHeatMap overlapMap;
    @FXML
    private Label overlapPair;
    @FXML
    private TableView<Profile> overlapMembers;

    /** {@code viewModels} builds the view-model with this view's dialogs. */
    public SegmentsView(Function<SegmentsDialogs, SegmentsViewModel> viewModels) {
        this.viewModel = viewModels.apply(this::confirm);
        this.editor = viewModel.editor();
    }

    @FXML
    private void initialize() {
        status.textProperty().bind(viewModel.statusProperty());
        bindList();
        bindEditor();
        bindTrend();
        bindChanges();
        bindCohorts();
        bindInsights();
        bindOverlap();
        // The screen follows the store only while it is shown: the shell takes it out of the scene when another opens.
        status.sceneProperty().addListener((observable, old, scene) -> {
            if (scene == null) {
                viewModel.deactivate();
            } else {
                viewModel.activate();
            }
        });
        if (status.getScene() != null) {
            viewModel.activate();
        }
    }

    private void bindList() {
        segmentList.setItems(viewModel.segments());
        segmentList.setCellFactory(list -> new SegmentCell());
        segmentList.setPlaceholder(new Label("No segments yet: build a rule on the right and save it"));
        segmentList.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) -> {
            if (selected != null) {
                viewModel.open(selected.segment());
            }
        });
        viewModel.segments().addListener((ListChangeListener<SegmentSize>) change -> reselect());
        editor.savedProperty().addListener((observable, old, now) -> reselect());
    }

    private void bindEditor() {
        name.textProperty().bindBidirectional(editor.nameProperty());
        description.textProperty().bindBidirectional(editor.descriptionProperty());
        RuleBuilderPane builder = new RuleBuilderPane(viewModel.fields(), viewModel::suggestions);
        builderHolder.getChildren().setAll(builder);
        builder.show(editor.rootProperty().get());
        editor.rootProperty().addListener((observable, old, root) -> builder.show(root));
        builderHolder.disableProperty().bind(editor.builderStaleProperty());
        ruleText.textProperty().bindBidirectional(editor.ruleTextProperty());
        ruleProblem.textProperty().bind(editor.ruleProblemProperty());
        ruleProblem.visibleProperty().bind(ruleProblem.textProperty().isNotEmpty());
        ruleProblem.managedProperty().bind(ruleProblem.visibleProperty());
        count.textProperty().bind(editor.countProperty());
        count.visibleProperty().bind(count.textProperty().isNotEmpty());
        count.managedProperty().bind(count.visibleProperty());
        saveButton.disableProperty().bind(editor.hasRuleBinding().not());
        duplicateButton.disableProperty().bind(editor.isSavedBinding().not());
        deleteButton.disableProperty().bind(editor.isSavedBinding().not());
        exportButton.disableProperty().bind(editor.isSavedBinding().not().or(editor.hasRuleBinding().not()));

        profileColumns(preview);
        preview.setItems(editor.preview());
        Label previewNote = new Label();
        previewNote.textProperty().bind(editor.previewNoteProperty());
        preview.setPlaceholder(previewNote);
    }

    private void bindTrend() {
        SegmentTrend model = viewModel.trend();
        trendNote.textProperty().bind(model.noteProperty());
        trend.visibleProperty().bind(Bindings.isNotEmpty(model.shown()));
        model.shown().addListener((ListChangeListener<SegmentHistory>) change -> trend.show(model.shown()));
        compare.disableProperty().bind(Bindings.isEmpty(model.others()));
        model.others().addListener((ListChangeListener<SegmentHistory>) change -> compareItems());
    }

    private void compareItems() {
        SegmentTrend model = viewModel.trend();
        compare.getItems().setAll(model.others().stream().map(history -> {
            CheckMenuItem item = new CheckMenuItem(history.name());
            item.setMnemonicParsing(false);
            item.setSelected(model.isCompared(history.segmentId()));
            item.setOnAction(event -> model.compare(history.segmentId(), item.isSelected()));
            return item;
        }).toList());
    }

    private void bindChanges() {
        MembershipChanges changes = viewModel.changes();
        changesSince.textProperty().bind(changes.sinceProperty());
        joinedTitle.textProperty().bind(changes.joinedTitleProperty());
        leftTitle.textProperty().bind(changes.leftTitleProperty());
        joined.setItems(changes.joined());
        left.setItems(changes.left());
        joined.setCellFactory(list -> new ProfileCell());
        left.setCellFactory(list -> new ProfileCell());
    }

    private void bindCohorts() {
        Cohorts cohorts = viewModel.cohorts();
        cohortContent.visibleProperty().bind(Bindings.isNotEmpty(cohorts.sizes()));
        cohortEmpty.visibleProperty().bind(cohortContent.visibleProperty().not());
        cohortChart.setAnimated(false);
        cohortList.setItems(cohorts.sizes());
        cohortList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CohortSize item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%s  —  %,d", item.cohort(), item.size()));
            }
        });
        cohortList.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) ->
                cohorts.open(selected));
        cohorts.sizes().addListener((ListChangeListener<CohortSize>) change -> drawCohorts());
        profileColumns(cohortMembers);
        cohortMembers.setItems(cohorts.members());
        cohortMembers.setPlaceholder(new Label("Pick a cohort to see its members"));
    }

    private void bindInsights() {
        Insights model = viewModel.insights();
        insights.setItems(model.rows());
        insights.setPlaceholder(new Label("No differences to show yet"));
        insightsNote.textProperty().bind(model.noteProperty());
        insightsButton.disableProperty().bind(editor.hasRuleBinding().not().or(model.runningProperty()));
        fromInsightButton.disableProperty().bind(insights.getSelectionModel().selectedItemProperty().isNull());
        Lookalike lookalike = viewModel.lookalike();
        lookalikeSize.textProperty().bindBidirectional(lookalike.sizeProperty());
        lookalikeName.textProperty().bindBidirectional(lookalike.nameProperty());
        lookalikeNote.textProperty().bind(lookalike.noteProperty());
        lookalikeButton.disableProperty().bind(editor.savedProperty().isNull().or(lookalike.runningProperty()));
    }

    private void bindOverlap() {
        Overlap model = viewModel.overlap();
        overlapNote.textProperty().bind(model.noteProperty());
        overlapPair.textProperty().bind(model.pairTitleProperty());
        overlapMap.setOnPick(model::open);
        model.matrixProperty().addListener((observable, old, matrix) -> overlapMap.show(matrix));
        profileColumns(overlapMembers);
        overlapMembers.setItems(model.members());
        overlapMembers.setPlaceholder(new Label(Overlap.PICK));
        overlapTab.selectedProperty().addListener((observable, old, selected) -> {
            if (selected) {
                model.load();
            }
        });
    }

    private void reselect() {
        Segment editing = editor.savedProperty().get();
        if (editing == null) {
            segmentList.getSelectionModel().clearSelection();
            return;
        }
        viewModel.segments().stream().filter(size -> size.segment().id() == editing.id()).findFirst()
                .ifPresent(size -> segmentList.getSelectionModel().select(size));
    }

    private void drawCohorts() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName("Profiles");
        viewModel.cohorts().sizes().stream().limit(20)
                .forEach(cohort -> series.getData().add(new XYChart.Data<>(cohort.cohort(), cohort.size())));
        cohortChart.getData().setAll(List.of(series));
    }

    private static void profileColumns(TableView<Profile> table) {
        for (ProfileField field : TABLE_FIELDS) {
            TableColumn<Profile, String> column = new TableColumn<>(field.label());
            column.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().get(field)));
            table.getColumns().add(TableColumns.atLeastHeaderWide(column));
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private boolean confirm(String title, String question, String action) {
        ButtonType confirm = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.CANCEL, confirm);
        alert.setHeaderText(title);
        alert.initOwner(segmentList.getScene().getWindow());
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    @FXML
    private void newSegment() {
        viewModel.newSegment();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void duplicate() {
        viewModel.duplicate();
    }

    @FXML
    private void delete() {
        viewModel.delete();
    }

    @FXML
    private void takeSnapshot() {
        viewModel.takeSnapshot();
    }

    @FXML
    private void exportMembers() {
        viewModel.exportMembers();
    }

    @FXML
    private void saveLookalike() {
        viewModel.saveLookalike();
    }

    @FXML
    private void findInsights() {
        viewModel.findInsights();
    }

    @FXML
    private void newSegmentFromInsight() {
        Insight picked = insights.getSelectionModel().getSelectedItem();
        if (picked != null) {
            viewModel.newSegmentFrom(picked);
        }
    }

    @FXML
    private void computeOverlap() {
        viewModel.overlap().load();
    }

    private static final class SegmentCell extends ListCell<SegmentSize> {
        @Override
        protected void updateItem(SegmentSize item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(item.failed() ? item.segment().name() + "  —  ⚠"
                    : String.format("%s  —  %,d", item.segment().name(), item.size()));
            setTooltip(new Tooltip(item.failed() ? item.error() : item.segment().ruleText()));
        }
    }

    private static final class ProfileCell extends ListCell<Profile> {
        @Override
        protected void updateItem(Profile item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.displayName() + "  (" + item.getExternalId() + ")");
        }
    }
}

package org.cdpdesktop.gui.segments;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.segment.CohortSize;
import org.cdpdesktop.core.segment.SegmentHistory;
import org.cdpdesktop.core.segment.SegmentSize;

/** Segments and cohorts: binds the screen to {@link SegmentsViewModel}; builds the charts and tables it shows. */
public final class SegmentsView {

    private static final List<ProfileField> TABLE_FIELDS = List.of(ProfileField.EXTERNAL_ID, ProfileField.EMAIL,
            ProfileField.COUNTRY, ProfileField.CITY, ProfileField.AGE, ProfileField.INCOME, ProfileField.EDUCATION,
            ProfileField.INTERESTS);

    private final SegmentsViewModel viewModel;

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
    private TableView<Profile> preview;
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
    private BarChart<String, Number> cohortChart;
    @FXML
    private ListView<CohortSize> cohortList;
    @FXML
    private TableView<Profile> cohortMembers;

    public SegmentsView(SegmentsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        status.textProperty().bind(viewModel.statusProperty());
        segmentList.setItems(viewModel.segments());
        segmentList.setCellFactory(list -> new SegmentCell());
        segmentList.setPlaceholder(new Label("No segments yet: build a rule on the right and save it"));
        segmentList.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) -> {
            if (selected != null) {
                viewModel.open(selected.segment());
            }
        });
        viewModel.segments().addListener((ListChangeListener<SegmentSize>) change -> reselect());
        viewModel.editingProperty().addListener((observable, old, now) -> reselect());

        name.textProperty().bindBidirectional(viewModel.nameProperty());
        description.textProperty().bindBidirectional(viewModel.descriptionProperty());
        RuleBuilderPane builder = new RuleBuilderPane(viewModel.fields(), viewModel::suggestions);
        builderHolder.getChildren().setAll(builder);
        builder.show(viewModel.rootProperty().get());
        viewModel.rootProperty().addListener((observable, old, root) -> builder.show(root));
        ruleText.textProperty().bindBidirectional(viewModel.ruleTextProperty());
        ruleProblem.textProperty().bind(viewModel.ruleProblemProperty());
        ruleProblem.visibleProperty().bind(ruleProblem.textProperty().isNotEmpty());
        ruleProblem.managedProperty().bind(ruleProblem.visibleProperty());
        count.textProperty().bind(viewModel.countProperty());

        profileColumns(preview);
        preview.setItems(viewModel.preview());
        preview.setPlaceholder(new Label("No profile matches this rule"));

        viewModel.histories().addListener((ListChangeListener<SegmentHistory>) change -> trend.show(viewModel.histories()));
        changesSince.textProperty().bind(viewModel.changesSinceProperty());
        joinedTitle.textProperty().bind(viewModel.joinedTitleProperty());
        leftTitle.textProperty().bind(viewModel.leftTitleProperty());
        joined.setItems(viewModel.joined());
        left.setItems(viewModel.left());
        joined.setCellFactory(list -> new ProfileCell());
        left.setCellFactory(list -> new ProfileCell());

        cohortChart.setAnimated(false);
        cohortList.setItems(viewModel.cohorts());
        cohortList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CohortSize item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%s  —  %,d", item.cohort(), item.size()));
            }
        });
        cohortList.setPlaceholder(new Label("No cohorts yet: import a file with a cohort column"));
        cohortList.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) ->
                viewModel.openCohort(selected));
        viewModel.cohorts().addListener((ListChangeListener<CohortSize>) change -> drawCohorts());
        profileColumns(cohortMembers);
        cohortMembers.setItems(viewModel.cohortMembers());
        cohortMembers.setPlaceholder(new Label("Pick a cohort to see its members"));

        viewModel.refresh();
    }

    private void reselect() {
        var editing = viewModel.editingProperty().get();
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
        viewModel.cohorts().stream().limit(20)
                .forEach(cohort -> series.getData().add(new XYChart.Data<>(cohort.cohort(), cohort.size())));
        cohortChart.getData().setAll(List.of(series));
    }

    private static void profileColumns(TableView<Profile> table) {
        for (ProfileField field : TABLE_FIELDS) {
            TableColumn<Profile, String> column = new TableColumn<>(field.label());
            column.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().get(field)));
            table.getColumns().add(column);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
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
        var editing = viewModel.editingProperty().get();
        if (editing != null) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete the segment \"" + editing.name()
                    + "\" with its history? This cannot be undone.", ButtonType.CANCEL, ButtonType.OK);
            confirm.setHeaderText("Delete segment");
            confirm.initOwner(segmentList.getScene().getWindow());
            if (confirm.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
                return;
            }
        }
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

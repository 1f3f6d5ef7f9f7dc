package org.cdpdesktop.gui.profiles;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.cdpdesktop.core.export.ExportFormat;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.profile.ProfileColumn;
import org.cdpdesktop.core.store.ProfileDetail;
import org.cdpdesktop.core.store.ProfileEditor;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.profile.ProfileSort;

/** The profiles browser: filter bar and quick search, a paged table of chosen columns, and the selected profile's detail. */
public final class ProfilesView {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private static final Duration TYPING_PAUSE = Duration.millis(250);
    private static final Duration LAYOUT_SAVE_PAUSE = Duration.millis(600);

    private final ProfilesViewModel viewModel;
    private final PauseTransition searchPause = new PauseTransition(TYPING_PAUSE);
    private final PauseTransition layoutSavePause = new PauseTransition(LAYOUT_SAVE_PAUSE);
    private final Map<ProfileField, TextField> editors = new EnumMap<>(ProfileField.class);
    private final Map<ProfileField, Label> errorLabels = new EnumMap<>(ProfileField.class);
    private boolean showingFilter;

    @FXML
    private Label count;
    @FXML
    private MenuButton columnsMenu;
    @FXML
    private MenuButton exportMenu;
    @FXML
    private FlowPane filterBar;
    @FXML
    private TextField search;
    @FXML
    private ComboBox<String> country;
    @FXML
    private ComboBox<String> gender;
    @FXML
    private TextField ageMin;
    @FXML
    private TextField ageMax;
    @FXML
    private TextField incomeMin;
    @FXML
    private TextField incomeMax;
    @FXML
    private TextField interest;
    @FXML
    private ComboBox<String> cohort;
    @FXML
    private ComboBox<String> segment;
    @FXML
    private DatePicker createdFrom;
    @FXML
    private DatePicker createdTo;
    @FXML
    private ComboBox<String> importedFrom;
    @FXML
    private Button clearFilters;
    @FXML
    private Label message;
    @FXML
    private Label notice;
    @FXML
    private SplitPane split;
    @FXML
    private TableView<Profile> table;
    @FXML
    private VBox detailPane;

    public ProfilesView(ProfilesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        count.textProperty().bind(viewModel.countProperty());
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        notice.textProperty().bind(viewModel.noticeProperty());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        buildExportMenu();

        bindFilterBar();
        bindTable();
        viewModel.detailProperty().addListener((observable, old, detail) -> showDetail(detail));
        viewModel.editingProperty().addListener((observable, old, editing) -> showDetail(viewModel.detailProperty().get()));
        viewModel.fieldErrors().addListener((MapChangeListener<ProfileField, String>) change -> showFieldErrors());
        showDetail(null);
        viewModel.choicesProperty().addListener((observable, old, choices) -> showChoices(choices));
        viewModel.attributesProperty().addListener((observable, old, attributes) -> buildColumnsMenu(attributes));
        viewModel.loadChoices();
        viewModel.refresh();
    }

    private void bindFilterBar() {
        searchPause.setOnFinished(event -> applyFilterBar());
        for (TextField typed : List.of(search, interest, ageMin, ageMax, incomeMin, incomeMax)) {
            typed.textProperty().addListener((observable, old, text) -> {
                if (!showingFilter) {
                    searchPause.playFromStart();
                }
            });
            typed.setOnAction(event -> {
                searchPause.stop();
                applyFilterBar();
            });
        }
        for (TextField number : List.of(ageMin, ageMax, incomeMin, incomeMax)) {
            number.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().matches("\\d{0,12}") ? change : null));
        }
        anyChoice(country, "Any country");
        anyChoice(gender, "Any gender");
        anyChoice(cohort, "Any cohort");
        anyChoice(segment, "Any segment");
        anyChoice(importedFrom, "Any import");
        for (ComboBox<String> choice : List.of(country, gender, cohort, segment, importedFrom)) {
            choice.valueProperty().addListener((observable, old, value) -> applyFilterBar());
        }
        for (DatePicker date : List.of(createdFrom, createdTo)) {
            date.valueProperty().addListener((observable, old, value) -> applyFilterBar());
        }
        viewModel.filterProperty().addListener((observable, old, filter) -> showFilter(filter));
        showFilter(viewModel.filterProperty().get());
    }

    /** A choice whose empty value reads "Any …" in the list and on the button, so the user can go back to no filter. */
    private static void anyChoice(ComboBox<String> choice, String any) {
        choice.setPromptText(any);
        choice.getItems().setAll(Collections.singletonList(null));
        choice.setCellFactory(list -> new AnyCell(any));
        choice.setButtonCell(new AnyCell(any));
    }

    private static final class AnyCell extends ListCell<String> {
        private final String any;

        AnyCell(String any) {
            this.any = any;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? any : item);
        }
    }

    /** Reads the whole bar into one filter, so a change of any control is one new listing. */
    private void applyFilterBar() {
        if (showingFilter) {
            return;
        }
        viewModel.filterProperty().set(new ProfileFilter(search.getText(), country.getValue(), gender.getValue(),
                integer(ageMin), integer(ageMax), decimal(incomeMin), decimal(incomeMax), cohort.getValue(), segment.getValue(),
                interest.getText(), createdFrom.getValue(), createdTo.getValue(), importedFrom.getValue()));
    }

    private static Integer integer(TextField field) {
        String text = field.getText();
        return text == null || text.isBlank() ? null : Integer.valueOf(text.length() > 9 ? text.substring(0, 9) : text);
    }

    private static BigDecimal decimal(TextField field) {
        String text = field.getText();
        return text == null || text.isBlank() ? null : new BigDecimal(text);
    }

    /** Puts a filter set elsewhere (the dashboard, "Clear filters") into the bar's controls without re-applying it. */
    private void showFilter(ProfileFilter filter) {
        showingFilter = true;
        try {
            searchPause.stop();
            search.setText(text(filter.search()));
            showChoice(country, filter.country());
            showChoice(gender, filter.gender());
            ageMin.setText(text(filter.ageMin()));
            ageMax.setText(text(filter.ageMax()));
            incomeMin.setText(filter.incomeMin() == null ? "" : filter.incomeMin().toPlainString());
            incomeMax.setText(filter.incomeMax() == null ? "" : filter.incomeMax().toPlainString());
            interest.setText(text(filter.interest()));
            showChoice(cohort, filter.cohort());
            showChoice(segment, filter.segment());
            createdFrom.setValue(filter.createdFrom());
            createdTo.setValue(filter.createdTo());
            showChoice(importedFrom, filter.importedFrom());
        } finally {
            showingFilter = false;
        }
    }

    /** Shows a value even before the store's choices have loaded, e.g. a country asked for by the dashboard. */
    private static void showChoice(ComboBox<String> choice, String value) {
        if (value != null && !choice.getItems().contains(value)) {
            choice.getItems().add(value);
        }
        choice.setValue(value);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    @FXML
    private void clearFilters() {
        viewModel.filterProperty().set(ProfileFilter.NONE);
    }

    private void showChoices(ProfileBrowser.FilterChoices choices) {
        showingFilter = true;
        try {
            offer(country, choices.countries());
            offer(gender, choices.genders());
            offer(cohort, choices.cohorts());
            offer(segment, choices.segments());
            offer(importedFrom, choices.importFiles());
        } finally {
            showingFilter = false;
        }
    }

    private static void offer(ComboBox<String> choice, List<String> values) {
        String selected = choice.getValue();
        List<String> items = new ArrayList<>();
        items.add(null);
        items.addAll(values);
        if (selected != null && !values.contains(selected)) {
            items.add(selected);
        }
        choice.getItems().setAll(items);
        choice.setValue(selected);
    }

    private void buildExportMenu() {
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem all = new MenuItem("All matching profiles as " + format + "…");
            all.setId("export-all-" + format.name().toLowerCase(Locale.ROOT));
            all.setOnAction(event -> viewModel.export(format, List.of()));
            MenuItem selected = new MenuItem("Selected rows as " + format + "…");
            selected.setId("export-selected-" + format.name().toLowerCase(Locale.ROOT));
            selected.disableProperty().bind(table.getSelectionModel().selectedIndexProperty().lessThan(0));
            selected.setOnAction(event -> viewModel.export(format, List.copyOf(table.getSelectionModel().getSelectedIndices())));
            exportMenu.getItems().addAll(all, selected);
        }
    }

    private void bindTable() {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(viewModel.rows());
        table.setSortPolicy(sorted -> {
            viewModel.sortProperty().set(sortOf(sorted));
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, profile) -> viewModel.select(profile));
        viewModel.onRowsArrived(() -> {
            table.refresh();
            // A row clicked while it was still loading opens in the detail once it arrives. The selection model keeps
            // its item null, so later arrivals must not open (and redraw, mid-edit) the same profile again.
            int selected = table.getSelectionModel().getSelectedIndex();
            if (selected >= 0 && table.getSelectionModel().getSelectedItem() == null) {
                Profile arrived = table.getItems().get(selected);
                ProfileDetail shown = viewModel.detailProperty().get();
                if (arrived != null && (shown == null || !shown.profile().getId().equals(arrived.getId()))) {
                    viewModel.select(arrived);
                }
            }
        });
        ColumnLayout layout = viewModel.columnLayout();
        for (ColumnLayout.Column column : layout.columns()) {
            table.getColumns().add(tableColumn(column.column(), column.width()));
        }
        layoutSavePause.setOnFinished(event -> viewModel.saveColumnLayout(currentLayout()));
        table.getColumns().addListener((ListChangeListener<TableColumn<Profile, ?>>) change -> layoutSavePause.playFromStart());
        buildColumnsMenu(List.of());
    }

    /** The table's first sort column decides the listing's order; without one the store's order applies. */
    private static ProfileSort sortOf(TableView<Profile> sorted) {
        if (sorted.getSortOrder().isEmpty()) {
            return ProfileSort.NATURAL;
        }
        TableColumn<Profile, ?> first = sorted.getSortOrder().get(0);
        return ProfileSort.by((ProfileColumn) first.getUserData(), first.getSortType() == TableColumn.SortType.DESCENDING);
    }

    private TableColumn<Profile, String> tableColumn(ProfileColumn column, double width) {
        TableColumn<Profile, String> tableColumn = new TableColumn<>(column.label());
        tableColumn.setId("column-" + column.id());
        tableColumn.setUserData(column);
        tableColumn.setPrefWidth(width);
        tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? null : column.valueOf(cell.getValue())));
        tableColumn.widthProperty().addListener((observable, old, now) -> layoutSavePause.playFromStart());
        return tableColumn;
    }

    private ColumnLayout currentLayout() {
        List<ColumnLayout.Column> columns = new ArrayList<>();
        for (TableColumn<Profile, ?> column : table.getColumns()) {
            columns.add(new ColumnLayout.Column((ProfileColumn) column.getUserData(), column.getWidth()));
        }
        return new ColumnLayout(columns);
    }

    private void buildColumnsMenu(List<String> attributes) {
        columnsMenu.getItems().clear();
        for (ProfileField field : ProfileField.values()) {
            columnsMenu.getItems().add(columnToggle(ProfileColumn.of(field)));
        }
        if (!attributes.isEmpty()) {
            columnsMenu.getItems().add(new SeparatorMenuItem());
            for (String attribute : attributes) {
                columnsMenu.getItems().add(columnToggle(ProfileColumn.attribute(attribute)));
            }
        }
    }

    private CheckMenuItem columnToggle(ProfileColumn column) {
        CheckMenuItem item = new CheckMenuItem(column.label());
        item.setId("toggle-column-" + column.id());
        item.setSelected(table.getColumns().stream().anyMatch(shown -> column.equals(shown.getUserData())));
        item.selectedProperty().addListener((observable, was, shown) -> {
            if (shown) {
                table.getColumns().add(tableColumn(column, ColumnLayout.DEFAULT_WIDTH));
            } else {
                table.getColumns().removeIf(existing -> column.equals(existing.getUserData()));
            }
        });
        return item;
    }

    private void showDetail(ProfileDetail detail) {
        if (detail == null) {
            Label hint = new Label("Select a profile to see everything about it.");
            hint.getStyleClass().add("empty-state-text");
            hint.setWrapText(true);
            detailPane.getChildren().setAll(hint);
            return;
        }
        Profile profile = detail.profile();
        Label name = new Label(profile.displayName());
        name.setId("detail-name");
        name.getStyleClass().add("section-title");
        name.setWrapText(true);
        Pane gap = new Pane();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, name, gap);
        header.setAlignment(Pos.CENTER_LEFT);
        editors.clear();
        errorLabels.clear();
        if (viewModel.editingProperty().get()) {
            Button save = new Button("Save");
            save.setId("detail-save");
            save.getStyleClass().add("accent");
            save.setDefaultButton(true);
            save.setOnAction(event -> viewModel.saveEdits(typedValues()));
            Button cancel = new Button("Cancel");
            cancel.setId("detail-cancel");
            cancel.setCancelButton(true);
            cancel.setOnAction(event -> viewModel.cancelEditing());
            header.getChildren().addAll(cancel, save);
            cancel.setMinWidth(Region.USE_PREF_SIZE);
            save.setMinWidth(Region.USE_PREF_SIZE);
            detailPane.getChildren().setAll(header, editForm(profile));
            showFieldErrors();
            return;
        }
        Button edit = new Button("Edit");
        edit.setId("detail-edit");
        edit.setOnAction(event -> viewModel.startEditing());
        Button delete = new Button("Delete…");
        delete.setId("detail-delete");
        delete.getStyleClass().add("danger");
        delete.setOnAction(event -> confirmDelete(profile));
        header.getChildren().addAll(edit, delete);
        edit.setMinWidth(Region.USE_PREF_SIZE);
        delete.setMinWidth(Region.USE_PREF_SIZE);

        List<Node> sections = new ArrayList<>(List.of(header, fieldGrid(profile)));
        sections.add(section("Interests", chips(profile.getInterests(), "detail-interests")));
        sections.add(section("Custom attributes", attributes(profile.getAttributes())));
        sections.add(section("Cohorts", lines(detail.cohorts().stream().map(ProfilesView::describeCohort).toList(), "No cohort yet.", "detail-cohorts")));
        sections.add(section("Predicted cohort and why", viewModel.cohortExplanation().paneFor(profile.getId())));
        sections.add(section("Segments", chips(detail.segments(), "detail-segments")));
        sections.add(section("Import history", lines(detail.imports().stream()
                .map(event -> event.action() + " by " + event.fileName() + " (" + event.source() + ", batch " + event.batchId() + ") at " + event.at())
                .toList(), "Not touched by any import.", "detail-imports")));
        detailPane.getChildren().setAll(sections);
    }

    /** One text field per editable field, with room under each for the reason it was refused. */
    private GridPane editForm(Profile profile) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(2);
        grid.setId("detail-edit-form");
        int row = 0;
        for (ProfileField field : ProfileEditor.EDITABLE) {
            TextField editor = new TextField(field == ProfileField.INTERESTS ? String.join(", ", profile.getInterests()) : text(profile.get(field)));
            editor.setId("edit-" + field.key());
            GridPane.setHgrow(editor, Priority.ALWAYS);
            Label error = new Label();
            error.setId("error-" + field.key());
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.setVisible(false);
            error.setManaged(false);
            editors.put(field, editor);
            errorLabels.put(field, error);
            grid.add(fieldLabel(field.label()), 0, row);
            grid.add(editor, 1, row++);
            grid.add(error, 1, row++);
        }
        return grid;
    }

    /** Only the fields the person changed are sent, so an untouched odd value from an import is not re-judged. */
    private Map<ProfileField, String> typedValues() {
        Profile profile = viewModel.detailProperty().get().profile();
        Map<ProfileField, String> changed = new EnumMap<>(ProfileField.class);
        editors.forEach((field, editor) -> {
            String before = field == ProfileField.INTERESTS ? String.join(", ", profile.getInterests()) : text(profile.get(field));
            if (!editor.getText().equals(before)) {
                changed.put(field, editor.getText());
            }
        });
        return changed;
    }

    private void showFieldErrors() {
        errorLabels.forEach((field, label) -> {
            String error = viewModel.fieldErrors().get(field);
            label.setText(error == null ? "" : error);
            label.setVisible(error != null);
            label.setManaged(error != null);
            TextField editor = editors.get(field);
            editor.getStyleClass().remove("invalid");
            if (error != null) {
                editor.getStyleClass().add("invalid");
            }
        });
    }

    private static GridPane fieldGrid(Profile profile) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setId("detail-fields");
        int row = 0;
        grid.addRow(row++, fieldLabel("Profile id"), fieldValue(String.valueOf(profile.getId())));
        for (ProfileField field : ProfileField.values()) {
            if (field == ProfileField.INTERESTS) {
                continue;
            }
            String stored = profile.get(field);
            Label value = fieldValue(field.type() == ProfileField.FieldType.TIMESTAMP ? localTime(stored) : stored);
            value.setId("detail-" + field.key());
            grid.addRow(row++, fieldLabel(field.label()), value);
        }
        return grid;
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().add("stat-label");
        return label;
    }

    /** A stored UTC instant as this computer's local time, to the second; anything else as stored. */
    private static String localTime(String instant) {
        try {
            return instant == null ? null : LOCAL_TIME.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    private static Label fieldValue(String text) {
        Label value = new Label(text == null ? "—" : text);
        value.setWrapText(true);
        return value;
    }

    private static VBox section(String title, Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("detail-heading");
        return new VBox(4, heading, content);
    }

    private static Node chips(List<String> values, String id) {
        FlowPane chips = new FlowPane(6, 6);
        chips.setId(id);
        if (values.isEmpty()) {
            Label none = new Label("None");
            none.getStyleClass().add("empty-state-text");
            chips.getChildren().add(none);
        }
        for (String value : values) {
            Label chip = new Label(value);
            chip.getStyleClass().add("chip");
            chips.getChildren().add(chip);
        }
        return chips;
    }

    private static Node attributes(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            Label none = new Label("None");
            none.getStyleClass().add("empty-state-text");
            return none;
        }
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setId("detail-attributes");
        int row = 0;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            grid.addRow(row++, fieldLabel(attribute.getKey()), fieldValue(attribute.getValue()));
        }
        return grid;
    }

    private static Node lines(List<String> lines, String whenEmpty, String id) {
        VBox box = new VBox(2);
        box.setId(id);
        if (lines.isEmpty()) {
            Label none = new Label(whenEmpty);
            none.getStyleClass().add("empty-state-text");
            box.getChildren().add(none);
        }
        for (String line : lines) {
            Label label = new Label(line);
            label.setWrapText(true);
            box.getChildren().add(label);
        }
        return box;
    }

    private static String describeCohort(ProfileDetail.CohortAssignment cohort) {
        StringBuilder text = new StringBuilder(cohort.cohort());
        if (cohort.confidence() != null) {
            text.append(String.format(" — %.0f%% confidence", cohort.confidence() * 100));
        }
        if (cohort.modelVersion() != null) {
            text.append(", model ").append(cohort.modelVersion());
        } else {
            text.append(" (from ").append(cohort.source()).append(')');
        }
        return text.toString();
    }

    private void confirmDelete(Profile profile) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Delete " + profile.displayName() + "? Its cohorts, segment memberships and import history go with it. This cannot be undone.",
                ButtonType.CANCEL, ButtonType.OK);
        confirm.setTitle("Delete profile");
        confirm.setHeaderText("Delete this profile?");
        confirm.initOwner(table.getScene().getWindow());
        confirm.showAndWait()
                .filter(ButtonType.OK::equals)
                .ifPresent(ok -> viewModel.deleteShown());
    }
}

package org.cdpdesktop.gui.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.cdpdesktop.core.export.ExportFormat;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileColumn;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.core.store.ProfileDetail;
import org.cdpdesktop.gui.Activatable;
import org.cdpdesktop.gui.FadingMessage;
import org.cdpdesktop.gui.Formats;

/**
 * The profiles browser: the filter bar ({@link ProfileFilterBar}), a paged table of chosen columns, and the selected
 * profile's detail ({@link ProfileDetailPane}) beside it, which opens on a selection and can be hidden.
 */
public final class ProfilesView {

    private static final Duration LAYOUT_SAVE_PAUSE = Duration.millis(600);
    /** Where the divider sits when the detail opens: the table keeps most of the width. */
    private static final double DETAIL_DIVIDER = 0.68;

    private final ProfilesViewModel viewModel;
    private final PauseTransition layoutSavePause = new PauseTransition(LAYOUT_SAVE_PAUSE);
    private boolean hiddenByUser;

    @FXML
    private VBox root;
    @FXML
    private Label count;
    @FXML
    private MenuButton columnsMenu;
    @FXML
    private MenuButton exportMenu;
    @FXML
    private ToggleButton detailToggle;
    @FXML
    private ProfileFilterBar filterBar;
    @FXML
    private Label message;
    @FXML
    private Label notice;
    @FXML
    private Label indexing;
    @FXML
    private SplitPane split;
    @FXML
    private TableView<Profile> table;
    @FXML
    private ScrollPane detailScroll;
    @FXML
    private ProfileDetailPane detailPane;

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
        FadingMessage.fadeAfterAWhile(notice, viewModel::clearNotice);
        indexing.textProperty().bind(viewModel.indexingProperty());
        indexing.visibleProperty().bind(indexing.textProperty().isNotEmpty());
        indexing.managedProperty().bind(indexing.visibleProperty());
        buildExportMenu();
        filterBar.bind(viewModel.filterProperty(), viewModel.choicesProperty());
        bindTable();
        bindDetail();
        viewModel.attributesProperty().addListener((observable, old, attributes) -> buildColumnsMenu(attributes));
        Activatable.whileShown(root, viewModel);
    }

    /**
     * The detail sits beside the table only while wanted: choosing a profile opens it, unless the user has hidden it
     * with the Details button, which then alone brings it back.
     * It keeps its width when the window is resized, so the table takes the change.
     */
    private void bindDetail() {
        detailPane.bind(viewModel.detail());
        SplitPane.setResizableWithParent(detailScroll, false);
        detailToggle.selectedProperty().addListener((observable, was, shown) -> {
            if (shown && !split.getItems().contains(detailScroll)) {
                split.getItems().add(detailScroll);
                split.setDividerPositions(DETAIL_DIVIDER);
            } else if (!shown) {
                split.getItems().remove(detailScroll);
            }
        });
        detailToggle.setOnAction(event -> hiddenByUser = !detailToggle.isSelected());
        viewModel.detail().detailProperty().addListener((observable, old, detail) -> {
            if (detail != null && !hiddenByUser) {
                detailToggle.setSelected(true);
            }
        });
    }

    @FXML
    private void clearFilters() {
        viewModel.filterProperty().set(ProfileFilter.NONE);
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
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, profile) -> viewModel.detail().select(profile));
        viewModel.onRowsArrived(() -> {
            table.refresh();
            // A row clicked while it was still loading opens in the detail once it arrives. The selection model keeps
            // its item null, so later arrivals must not open (and redraw, mid-edit) the same profile again.
            int selected = table.getSelectionModel().getSelectedIndex();
            if (selected >= 0 && table.getSelectionModel().getSelectedItem() == null) {
                Profile arrived = table.getItems().get(selected);
                ProfileDetail shown = viewModel.detail().detailProperty().get();
                if (arrived != null && (shown == null || !shown.profile().getId().equals(arrived.getId()))) {
                    viewModel.detail().select(arrived);
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

    /** Cells show values formatted for people; sorting and exports use the stored values. */
    private TableColumn<Profile, String> tableColumn(ProfileColumn column, double width) {
        TableColumn<Profile, String> tableColumn = new TableColumn<>(column.label());
        tableColumn.setId("column-" + column.id());
        tableColumn.setUserData(column);
        tableColumn.setPrefWidth(width);
        tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? null : shown(column, cell.getValue())));
        tableColumn.widthProperty().addListener((observable, old, now) -> layoutSavePause.playFromStart());
        return tableColumn;
    }

    private static String shown(ProfileColumn column, Profile profile) {
        if (column.isAttribute()) {
            return column.valueOf(profile);
        }
        if (column.field() == ProfileField.INTERESTS) {
            return String.join(", ", profile.getInterests());
        }
        return Formats.field(column.field(), column.valueOf(profile));
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

    /** Attribute names come from the data: an underscore in them is text, not a keyboard mnemonic. */
    private CheckMenuItem columnToggle(ProfileColumn column) {
        CheckMenuItem item = new CheckMenuItem(column.label());
        item.setMnemonicParsing(false);
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
}

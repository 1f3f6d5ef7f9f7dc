package org.cdpdesktop.gui.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cdpdesktop.core.ingest.ImportBatchRecord;
import org.cdpdesktop.gui.Navigator;
import org.cdpdesktop.gui.Screen;
import org.cdpdesktop.gui.profiles.ProfileFilter;
import org.cdpdesktop.gui.profiles.ProfileFilterRequests;
import org.cdpdesktop.gui.task.TaskExecutor;

/** The Import screen: a drop zone and file chooser, the queue of files waiting for the wizard, and the import history. */
public final class ImportView {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    private final ImportViewModel viewModel;
    private final ImportCoordinator coordinator;
    private final TaskExecutor executor;
    private final Navigator navigator;
    private final ProfileFilterRequests filterRequests;

    @FXML private VBox dropZone;
    @FXML private VBox queueBox;
    @FXML private Label currentFile;
    @FXML private ListView<Path> queue;
    @FXML private Label error;
    @FXML private Label message;
    @FXML private Button sampleButton;
    @FXML private Label selectedImport;
    @FXML private Button showRejects;
    @FXML private Button undoImport;
    @FXML private Button showProfiles;
    @FXML private Button showMapping;
    @FXML private TableView<ImportBatchRecord> history;

    /** @param navigator and {@code filterRequests} open the Profiles screen on the profiles an import touched */
    public ImportView(ImportViewModel viewModel, ImportCoordinator coordinator, TaskExecutor executor, Navigator navigator,
                      ProfileFilterRequests filterRequests) {
        this.viewModel = viewModel;
        this.coordinator = coordinator;
        this.executor = executor;
        this.navigator = navigator;
        this.filterRequests = filterRequests;
    }

    @FXML
    private void initialize() {
        queue.setItems(coordinator.queue());
        currentFile.textProperty().bind(Bindings.createStringBinding(() -> coordinator.currentProperty().get() == null
                ? "" : "In the wizard: " + coordinator.currentProperty().get(), coordinator.currentProperty()));
        queueBox.visibleProperty().bind(coordinator.currentProperty().isNotNull().or(Bindings.isNotEmpty(coordinator.queue())));
        queueBox.managedProperty().bind(queueBox.visibleProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        sampleButton.visibleProperty().bind(viewModel.sampleLoadedProperty().not());
        sampleButton.managedProperty().bind(sampleButton.visibleProperty());
        buildHistoryTable();
        // Follows the store only while this screen is in a showing window, so a hidden screen does no work.
        dropZone.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false)
                .addListener((observable, was, shown) -> {
                    if (shown) {
                        viewModel.activate();
                    } else {
                        viewModel.deactivate();
                    }
                });
        viewModel.activate();
    }

    private void buildHistoryTable() {
        history.setPlaceholder(new Label("No imports yet. Every import is listed here with its counts."));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // Minimum widths hold each title and its widest usual value whole, so at 1024 pixels no header is cut.
        history.getColumns().add(textColumn("File", ImportBatchRecord::fileName, 170, 80));
        history.getColumns().add(textColumn("Started", batch -> localTime(batch.startedAt()), 155, 150));
        history.getColumns().add(textColumn("Status", ImportBatchRecord::status, 95, 90));
        history.getColumns().add(countColumn("Read", ImportBatchRecord::read, 60));
        history.getColumns().add(countColumn("Inserted", ImportBatchRecord::inserted, 88));
        history.getColumns().add(countColumn("Updated", ImportBatchRecord::updated, 85));
        history.getColumns().add(countColumn("Duplicates", ImportBatchRecord::duplicates, 100));
        history.getColumns().add(countColumn("Rejected", ImportBatchRecord::rejected, 88));
        history.setItems(viewModel.history());
        history.setRowFactory(table -> {
            TableRow<ImportBatchRecord> row = new TableRow<>();
            row.itemProperty().addListener((observable, old, batch) -> row.setId(batch == null ? null : "import-row-" + batch.id()));
            return row;
        });
        bindSelectedImport();
    }

    /** What can be done with the import selected in the history; below the table, so every column keeps its width. */
    private void bindSelectedImport() {
        var selected = history.getSelectionModel().selectedItemProperty();
        selectedImport.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null
                ? "Select an import to see its profiles, columns and rejected rows, or to undo it."
                : selected.get().fileName() + ", " + localTime(selected.get().startedAt()) + ": " + selected.get().status(), selected));
        showRejects.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null || selected.get().rejected() == 0
                ? "Show rejected rows" : String.format("Show %,d rejected %s", selected.get().rejected(),
                        selected.get().rejected() == 1 ? "row" : "rows"), selected));
        showRejects.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || selected.get().rejected() == 0 || selected.get().rejectsFile() == null, selected));
        showProfiles.disableProperty().bind(selected.isNull());
        showMapping.disableProperty().bind(selected.isNull());
        undoImport.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || !viewModel.canUndo(selected.get()), selected, viewModel.undoingProperty()));
    }

    @FXML
    private void showRejects() {
        ImportBatchRecord batch = history.getSelectionModel().getSelectedItem();
        if (batch != null && batch.rejectsFile() != null) {
            RejectsWindow.show(history.getScene().getWindow(), Path.of(batch.rejectsFile()), executor);
        }
    }

    /** Opens Profiles on the profiles that imports of this file created or updated (the filter goes by file name). */
    @FXML
    private void showProfiles() {
        ImportBatchRecord batch = history.getSelectionModel().getSelectedItem();
        if (batch != null) {
            filterRequests.request(new ProfileFilter(null, null, null, null, null, null, null, null, null, null, null, null,
                    batch.fileName()));
            navigator.show(Screen.PROFILES);
        }
    }

    @FXML
    private void showMapping() {
        ImportBatchRecord batch = history.getSelectionModel().getSelectedItem();
        if (batch != null) {
            viewModel.showMapping(batch);
        }
    }

    @FXML
    private void undoImport() {
        ImportBatchRecord batch = history.getSelectionModel().getSelectedItem();
        if (batch != null) {
            viewModel.undo(batch);
        }
    }

    /** The store keeps UTC ISO-8601 instants; people read their own clock, in their own locale's way. */
    static String localTime(String instant) {
        if (instant == null) {
            return "";
        }
        try {
            return LOCAL_TIME.format(Instant.parse(instant).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException unreadable) {
            return instant;  // shown as stored rather than hidden
        }
    }

    private static TableColumn<ImportBatchRecord, String> textColumn(String title, Function<ImportBatchRecord, String> value,
                                                                     double width, double minWidth) {
        TableColumn<ImportBatchRecord, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        // A narrow window cuts a long file name; the whole of it is in the cell's tooltip.
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        return column;
    }

    private static TableColumn<ImportBatchRecord, String> countColumn(String title, Function<ImportBatchRecord, Long> value, double minWidth) {
        TableColumn<ImportBatchRecord, String> column = textColumn(title, batch -> String.format("%,d", value.apply(batch)),
                minWidth + 10, minWidth);
        column.getStyleClass().add("count-column");
        return column;
    }

    @FXML
    private void chooseFiles() {
        coordinator.chooseFiles();
    }

    @FXML
    private void loadSampleData() {
        coordinator.loadSampleData();
    }
}

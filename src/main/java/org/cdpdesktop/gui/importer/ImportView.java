package org.cdpdesktop.gui.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cdpdesktop.core.ingest.ImportBatchRecord;
import org.cdpdesktop.gui.task.TaskExecutor;

/** The Import screen: a drop zone and file chooser, the queue of files waiting for the wizard, and the import history. */
public final class ImportView {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final ImportViewModel viewModel;
    private final ImportCoordinator coordinator;
    private final TaskExecutor executor;

    @FXML private VBox dropZone;
    @FXML private VBox queueBox;
    @FXML private Label currentFile;
    @FXML private ListView<Path> queue;
    @FXML private Label error;
    @FXML private Label message;
    @FXML private Button sampleButton;
    @FXML private TableView<ImportBatchRecord> history;

    public ImportView(ImportViewModel viewModel, ImportCoordinator coordinator, TaskExecutor executor) {
        this.viewModel = viewModel;
        this.coordinator = coordinator;
        this.executor = executor;
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
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.getColumns().add(textColumn("File", ImportBatchRecord::fileName, 160, 90));
        history.getColumns().add(textColumn("Started", batch -> localTime(batch.startedAt()), 150, 120));
        history.getColumns().add(textColumn("Status", ImportBatchRecord::status, 85, 75));
        history.getColumns().add(countColumn("Read", ImportBatchRecord::read));
        history.getColumns().add(countColumn("Inserted", ImportBatchRecord::inserted));
        history.getColumns().add(countColumn("Updated", ImportBatchRecord::updated));
        history.getColumns().add(countColumn("Duplicates", ImportBatchRecord::duplicates));
        history.getColumns().add(countColumn("Rejected", ImportBatchRecord::rejected));
        TableColumn<ImportBatchRecord, ImportBatchRecord> rejects = new TableColumn<>("Rejects");
        rejects.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        rejects.setCellFactory(column -> new TableCell<>() {
            private final Hyperlink link = new Hyperlink();

            @Override
            protected void updateItem(ImportBatchRecord batch, boolean empty) {
                super.updateItem(batch, empty);
                if (empty || batch == null || batch.rejected() == 0 || batch.rejectsFile() == null) {
                    setGraphic(null);
                    return;
                }
                link.setText(String.format("Show %,d", batch.rejected()));
                link.setOnAction(event -> RejectsWindow.show(getScene().getWindow(), Path.of(batch.rejectsFile()), executor));
                setGraphic(link);
            }
        });
        rejects.setPrefWidth(90);
        rejects.setMinWidth(75);
        rejects.setSortable(false);
        history.getColumns().add(rejects);
        TableColumn<ImportBatchRecord, ImportBatchRecord> undo = new TableColumn<>("Undo");
        undo.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        undo.setCellFactory(column -> new TableCell<>() {
            private final Hyperlink link = new Hyperlink("Undo…");

            @Override
            protected void updateItem(ImportBatchRecord batch, boolean empty) {
                super.updateItem(batch, empty);
                if (empty || batch == null || !batch.status().equals("completed")) {
                    setGraphic(null);
                    return;
                }
                link.setId("undo-import-" + batch.id());
                link.disableProperty().bind(viewModel.undoingProperty());
                link.setOnAction(event -> viewModel.undo(batch));
                setGraphic(link);
            }
        });
        undo.setPrefWidth(75);
        undo.setMinWidth(65);
        undo.setSortable(false);
        history.getColumns().add(undo);
        history.setItems(viewModel.history());
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
        return column;
    }

    /** Wide enough for its title whole ("Duplicates" is the widest) and a count in the hundreds of thousands. */
    private static TableColumn<ImportBatchRecord, String> countColumn(String title, Function<ImportBatchRecord, Long> value) {
        TableColumn<ImportBatchRecord, String> column = textColumn(title, batch -> String.format("%,d", value.apply(batch)), 85, 80);
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

package org.cdpdesktop.gui.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.cdpdesktop.core.ingest.ImportBatchRecord;
import org.cdpdesktop.gui.task.TaskExecutor;

/** The Import screen: a drop zone and file chooser, the queue of files waiting for the wizard, and the import history. */
public final class ImportView {

    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ImportViewModel viewModel;
    private final ImportCoordinator coordinator;
    private final TaskExecutor executor;

    @FXML private VBox dropZone;
    @FXML private VBox queueBox;
    @FXML private Label currentFile;
    @FXML private ListView<Path> queue;
    @FXML private Label error;
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
        buildHistoryTable();
        viewModel.refresh();
    }

    private void buildHistoryTable() {
        history.setPlaceholder(new Label("No imports yet. Every import is listed here with its counts."));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.getColumns().add(textColumn("File", ImportBatchRecord::fileName, 200));
        history.getColumns().add(textColumn("Started", batch -> localTime(batch.startedAt()), 150));
        history.getColumns().add(textColumn("Status", ImportBatchRecord::status, 90));
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
                link.setText("Show " + batch.rejected());
                link.setOnAction(event -> RejectsWindow.show(getScene().getWindow(), Path.of(batch.rejectsFile()), executor));
                setGraphic(link);
            }
        });
        rejects.setPrefWidth(100);
        history.getColumns().add(rejects);
        history.setItems(viewModel.history());
    }

    /** The store keeps UTC ISO-8601 instants; people read their own clock, to the minute. */
    static String localTime(String instant) {
        if (instant == null) {
            return "";
        }
        try {
            return LOCAL_MINUTE.format(Instant.parse(instant).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException unreadable) {
            return instant;  // shown as stored rather than hidden
        }
    }

    private static TableColumn<ImportBatchRecord, String> textColumn(String title, Function<ImportBatchRecord, String> value, double width) {
        TableColumn<ImportBatchRecord, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<ImportBatchRecord, String> countColumn(String title, Function<ImportBatchRecord, Long> value) {
        TableColumn<ImportBatchRecord, String> column = textColumn(title, batch -> String.format("%,d", value.apply(batch)), 95);
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

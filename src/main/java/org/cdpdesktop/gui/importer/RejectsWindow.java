package org.cdpdesktop.gui.importer;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/** A window listing the rows an earlier import rejected, opened from the import history. */
final class RejectsWindow {

    private RejectsWindow() {
    }

    static void show(Window owner, Path rejectsFile, TaskExecutor executor) {
        Label title = new Label("Rows rejected from the import, with their line in the file and the reason");
        title.getStyleClass().add("section-title");
        Label path = new Label(rejectsFile.toString());
        path.getStyleClass().add("wizard-muted");
        TableView<List<String>> table = new TableView<>();
        table.setId("history-rejects-table");
        table.setPlaceholder(new Label("Reading the rejected rows…"));
        table.getStyleClass().add("dense");
        VBox content = new VBox(8, title, path, table);
        content.getStyleClass().add("screen");
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        Stage stage = new Stage();
        stage.initOwner(owner);
        Scene scene = new Scene(content, 900, 520);
        if (owner != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setTitle("Rejected rows — " + rejectsFile.getFileName());
        stage.show();
        BackgroundTask.wrap(() -> RejectedRows.read(rejectsFile))
                .onSuccess(rows -> {
                    RowTables.showRejects(table, rows.headers(), rows.rows());
                    if (rows.total() > rows.rows().size()) {
                        title.setText(title.getText() + String.format(" — the first %,d of %,d", rows.rows().size(), rows.total()));
                    }
                })
                .onFailure(problem -> table.setPlaceholder(new Label("Cannot read " + rejectsFile + ": " + ErrorDialog.describe(problem))))
                .executeWith(executor);
    }
}

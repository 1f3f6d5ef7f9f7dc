package org.cdpdesktop.gui.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * A window listing rows of text read off the FX thread: the rows an earlier import rejected (from the history), or the
 * profiles that keep a column's values aside as invalid (from an import's summary).
 */
final class RejectsWindow {

    private RejectsWindow() {
    }

    static void show(Window owner, Path rejectsFile, TaskExecutor executor) {
        show(owner, "Rejected rows — " + rejectsFile.getFileName(),
                "Rows rejected from the import, with their line in the file and the reason", rejectsFile.toString(),
                "history-rejects-table", true, () -> RejectedRows.read(rejectsFile), executor);
    }

    /** @param lineNumbers whether the first column is a rejects file's narrow line number */
    static void show(Window owner, String windowTitle, String heading, String note, String tableId, boolean lineNumbers,
                     Callable<RejectedRows> rows, TaskExecutor executor) {
        Label title = new Label(heading);
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        Label path = new Label(note);
        path.getStyleClass().add("wizard-muted");
        path.setWrapText(true);
        TableView<List<String>> table = new TableView<>();
        table.setId(tableId);
        table.setPlaceholder(new Label("Reading…"));
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
        stage.setTitle(windowTitle);
        stage.show();
        BackgroundTask.wrap(rows)
                .onSuccess(shown -> {
                    if (lineNumbers) {
                        RowTables.showRejects(table, shown.headers(), shown.rows());
                    } else {
                        RowTables.show(table, shown.headers(), shown.rows());
                    }
                    if (shown.total() > shown.rows().size()) {
                        title.setText(title.getText() + String.format(" — the first %,d of %,d", shown.rows().size(), shown.total()));
                    }
                    table.setPlaceholder(new Label("None left: later imports or edits have cleared them."));
                })
                .onFailure(problem -> table.setPlaceholder(new Label("Cannot read them: " + ErrorDialog.describe(problem))))
                .executeWith(executor);
    }
}

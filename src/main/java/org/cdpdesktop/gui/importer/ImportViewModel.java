package org.cdpdesktop.gui.importer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.ImportBatchRecord;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.StoreChanges;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/** The Import screen's history of import runs, newest first, reloaded after every write to the store. */
public final class ImportViewModel {

    private final App app;
    private final TaskExecutor executor;
    private final ObservableList<ImportBatchRecord> history = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty("");

    public ImportViewModel(App app, TaskExecutor executor) {
        this.app = app;
        this.executor = executor;
        StoreChanges.onChange(app.database(), this::refresh);
    }

    public void refresh() {
        BackgroundTask.wrap(() -> app.importer().history())
                .onSuccess(batches -> {
                    error.set("");
                    history.setAll(batches);
                })
                .onFailure(problem -> error.set("Cannot read the import history: " + ErrorDialog.describe(problem)))
                .executeWith(executor);
    }

    public ObservableList<ImportBatchRecord> history() {
        return history;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}

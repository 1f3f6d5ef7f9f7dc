package org.cdpdesktop.gui.shell;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cdpdesktop.App;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.StoreChanges;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/** The status bar's facts: where the data lives and how many profiles it holds, kept fresh after every write. */
public final class MainViewModel {

    private final App app;
    private final TaskExecutor executor;
    private final StringProperty databasePath = new SimpleStringProperty();
    private final StringProperty profileCount = new SimpleStringProperty("Counting profiles…");

    public MainViewModel(App app, TaskExecutor executor) {
        this.app = app;
        this.executor = executor;
        databasePath.set(app.database().file().toString());
        StoreChanges.onChange(app.database(), this::refresh);
    }

    public void refresh() {
        BackgroundTask.wrap(app.profiles()::count)
                .onSuccess(count -> profileCount.set(String.format("%,d %s", count, count == 1 ? "profile" : "profiles")))
                .onFailure(failure -> profileCount.set("Profile count unavailable: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    public ReadOnlyStringProperty databasePathProperty() {
        return databasePath;
    }

    public ReadOnlyStringProperty profileCountProperty() {
        return profileCount;
    }
}

package org.cdpdesktop.gui.shell;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.store.ProfileStore;
import org.cdpdesktop.gui.Activatable;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.Formats;
import org.cdpdesktop.gui.StoreChanges;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/** The status bar's facts: where the data lives and how many profiles it holds, kept fresh while the window is open. */
public final class MainViewModel implements Activatable {

    private final ProfileStore profiles;
    private final Database database;
    private final TaskExecutor executor;
    private final StringProperty databasePath = new SimpleStringProperty();
    private final StringProperty profileCount = new SimpleStringProperty("Counting profiles…");
    private Database.Subscription storeChanges;

    public MainViewModel(ProfileStore profiles, Database database, TaskExecutor executor) {
        this.profiles = profiles;
        this.database = database;
        this.executor = executor;
        databasePath.set(database.file().toString());
    }

    @Override
    public void activate() {
        if (storeChanges == null) {
            storeChanges = StoreChanges.onChange(database, this::refresh);
            refresh();
        }
    }

    @Override
    public void deactivate() {
        if (storeChanges != null) {
            storeChanges.close();
            storeChanges = null;
        }
    }

    public void refresh() {
        BackgroundTask.wrap(profiles::count)
                .onSuccess(count -> profileCount.set(Formats.count(count, "profile", "profiles")))
                .onFailure(failure -> profileCount.set("Profile count unavailable: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    public ReadOnlyStringProperty databasePathProperty() {
        return databasePath;
    }

    public ReadOnlyStringProperty profileCountProperty() {
        return profileCount;
    }

    /** The folder that holds the database, for the About dialog. */
    public Path dataFolder() {
        return database.file().toAbsolutePath().getParent();
    }
}

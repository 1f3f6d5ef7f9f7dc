package org.cdpdesktop.gui.dashboard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cdpdesktop.App;
import org.cdpdesktop.core.stats.Stats;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.StoreChanges;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/** The store's headline figures, loaded off the FX thread and reloaded after every write. */
public final class DashboardViewModel {

    private final App app;
    private final TaskExecutor executor;
    private final StringProperty profiles = new SimpleStringProperty("–");
    private final StringProperty segments = new SimpleStringProperty("–");
    private final StringProperty models = new SimpleStringProperty("–");
    private final StringProperty lastImport = new SimpleStringProperty("–");
    private final BooleanProperty empty = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");

    public DashboardViewModel(App app, TaskExecutor executor) {
        this.app = app;
        this.executor = executor;
        StoreChanges.onChange(app.database(), this::refresh);
    }

    public void refresh() {
        BackgroundTask.wrap(app.stats()::stats)
                .onSuccess(this::show)
                .onFailure(failure -> error.set("Could not read the store: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    private void show(Stats stats) {
        error.set("");
        profiles.set(String.format("%,d", stats.profileCount()));
        segments.set(String.format("%,d", stats.segmentCount()));
        models.set(String.format("%,d", stats.modelCount()));
        Stats.LastImport last = stats.lastImport();
        lastImport.set(last == null ? "None yet" : String.format("%s — %,d read, %,d new, %,d updated, %,d duplicates, %,d rejected",
                last.fileName(), last.read(), last.inserted(), last.updated(), last.duplicates(), last.rejected()));
        empty.set(stats.profileCount() == 0);
    }

    public ReadOnlyStringProperty profilesProperty() {
        return profiles;
    }

    public ReadOnlyStringProperty segmentsProperty() {
        return segments;
    }

    public ReadOnlyStringProperty modelsProperty() {
        return models;
    }

    public ReadOnlyStringProperty lastImportProperty() {
        return lastImport;
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}

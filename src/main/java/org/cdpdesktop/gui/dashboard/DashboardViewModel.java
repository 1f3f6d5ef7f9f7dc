package org.cdpdesktop.gui.dashboard;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.cdpdesktop.App;
import org.cdpdesktop.core.segment.SegmentHistory;
import org.cdpdesktop.core.stats.Dashboard;
import org.cdpdesktop.core.stats.Stats;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.StoreChanges;
import org.cdpdesktop.gui.model.ModelCard;
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
    private final StringProperty modelCard = new SimpleStringProperty("");
    private final BooleanProperty empty = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Dashboard.Period> period = new SimpleObjectProperty<>(Dashboard.Period.MONTH);
    private final ObjectProperty<Dashboard> figures = new SimpleObjectProperty<>();
    private final ObjectProperty<List<SegmentHistory>> segmentTrends = new SimpleObjectProperty<>(List.of());
    private Task<Dashboard> figuresTask;

    public DashboardViewModel(App app, TaskExecutor executor) {
        this.app = app;
        this.executor = executor;
        StoreChanges.onChange(app.database(), this::refresh);
        period.addListener((observable, old, now) -> refreshFigures());
    }

    public void refresh() {
        BackgroundTask.wrap(app.stats()::stats)
                .onSuccess(this::show)
                .onFailure(failure -> error.set("Could not read the store: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
        refreshFigures();
    }

    /** The charts' figures; a newer request (another period, another write) replaces one still running. */
    private void refreshFigures() {
        if (figuresTask != null) {
            figuresTask.cancel(false);
        }
        Dashboard.Period wanted = period.get();
        figuresTask = BackgroundTask.wrap(() -> app.dashboard().dashboard(wanted))
                .onSuccess(figures::set)
                .onFailure(failure -> error.set("Could not read the dashboard figures: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
        BackgroundTask.wrap(() -> app.cohortModels().models().size())
                .onSuccess(count -> models.set(String.format("%,d", count)))
                .onFailure(failure -> models.set("?"))
                .executeWith(executor);
        BackgroundTask.wrap(() -> ModelCard.describe(app.cohortModels()))
                .onSuccess(modelCard::set)
                .onFailure(failure -> modelCard.set("The cohort model could not be read: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
        BackgroundTask.wrap(app.segments()::histories)
                .onSuccess(segmentTrends::set)
                .onFailure(failure -> error.set("Could not read the segment history: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    private void show(Stats stats) {
        error.set("");
        profiles.set(String.format("%,d", stats.profileCount()));
        segments.set(String.format("%,d", stats.segmentCount()));
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

    /** The active cohort model, its figures and any drift warning. */
    public ReadOnlyStringProperty modelCardProperty() {
        return modelCard;
    }

    public ReadOnlyStringProperty lastImportProperty() {
        return lastImport;
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty;
    }

    public ObjectProperty<Dashboard.Period> periodProperty() {
        return period;
    }

    /** Every segment's size at each snapshot, for the trend chart. */
    public ReadOnlyObjectProperty<List<SegmentHistory>> segmentTrendsProperty() {
        return segmentTrends;
    }

    public ReadOnlyObjectProperty<Dashboard> figuresProperty() {
        return figures;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}

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
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.model.CohortModelService;
import org.cdpdesktop.core.segment.SegmentHistory;
import org.cdpdesktop.core.segment.SegmentService;
import org.cdpdesktop.core.stats.Dashboard;
import org.cdpdesktop.core.stats.DashboardService;
import org.cdpdesktop.core.stats.Stats;
import org.cdpdesktop.core.stats.StatsService;
import org.cdpdesktop.gui.Activatable;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.Formats;
import org.cdpdesktop.gui.StoreChanges;
import org.cdpdesktop.gui.model.ModelCard;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/** The store's headline figures, loaded off the FX thread and, while the dashboard is shown, reloaded after every write. */
public final class DashboardViewModel implements Activatable {

    private final StatsService stats;
    private final DashboardService dashboard;
    private final SegmentService segmentService;
    private final CohortModelService cohortModels;
    private final Database database;
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
    private Database.Subscription storeChanges;

    public DashboardViewModel(StatsService stats, DashboardService dashboard, SegmentService segments, CohortModelService cohortModels,
                              Database database, TaskExecutor executor) {
        this.stats = stats;
        this.dashboard = dashboard;
        this.segmentService = segments;
        this.cohortModels = cohortModels;
        this.database = database;
        this.executor = executor;
        period.addListener((observable, old, now) -> refreshFigures());
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
        BackgroundTask.wrap(stats::stats)
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
        figuresTask = BackgroundTask.wrap(() -> dashboard.dashboard(wanted))
                .onSuccess(figures::set)
                .onFailure(failure -> error.set("Could not read the dashboard figures: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
        BackgroundTask.wrap(() -> cohortModels.models().size())
                .onSuccess(count -> models.set(Formats.count(count)))
                .onFailure(failure -> models.set("?"))
                .executeWith(executor);
        BackgroundTask.wrap(() -> ModelCard.describe(cohortModels))
                .onSuccess(modelCard::set)
                .onFailure(failure -> modelCard.set("The cohort model could not be read: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
        BackgroundTask.wrap(segmentService::histories)
                .onSuccess(segmentTrends::set)
                .onFailure(failure -> error.set("Could not read the segment history: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    private void show(Stats figures) {
        error.set("");
        profiles.set(Formats.count(figures.profileCount()));
        segments.set(Formats.count(figures.segmentCount()));
        Stats.LastImport last = figures.lastImport();
        lastImport.set(last == null ? "None yet" : describe(last));
        empty.set(figures.profileCount() == 0);
    }

    /** One import's accounting, e.g. {@code customers.csv, Mar 1, 2026, 10:00 AM — 3,000 read, 2,990 new, ...}. */
    public static String describe(Stats.LastImport last) {
        String finished = last.finishedAt() == null ? "" : ", " + Formats.instant(last.finishedAt());
        return last.fileName() + finished + " — " + Formats.count(last.read()) + " read, " + Formats.count(last.inserted()) + " new, "
                + Formats.count(last.updated()) + " updated, " + Formats.count(last.duplicates()) + " duplicates, "
                + Formats.count(last.rejected()) + " rejected";
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

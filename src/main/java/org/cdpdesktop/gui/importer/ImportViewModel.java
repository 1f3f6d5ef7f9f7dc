package org.cdpdesktop.gui.importer;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.ImportBatchRecord;
import org.cdpdesktop.core.ingest.ImportService;
import org.cdpdesktop.core.ingest.UndoPreview;
import org.cdpdesktop.core.ingest.UndoSummary;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.sample.SampleData;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.StoreFollower;
import org.cdpdesktop.gui.UiServices;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The Import screen's history of import runs, newest first, reloaded after every write to the store while the screen
 * is shown; any completed import can be undone from it, after a confirmation that says what goes and what stays.
 */
public final class ImportViewModel {

    /** How many kept profiles' ids a confirmation or a result names before it says "and N more". */
    static final int NAMED_IDS = 10;

    private final ImportService importer;
    private final Settings settings;
    private final TaskExecutor executor;
    private final JobsViewModel jobs;
    private final UiServices ui;
    private final ObservableList<ImportBatchRecord> history = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty sampleLoaded = new SimpleBooleanProperty(false);
    private final BooleanProperty undoing = new SimpleBooleanProperty(false);
    private final StoreFollower storeChanges;

    public ImportViewModel(ImportService importer, Database database, Settings settings, TaskExecutor executor, JobsViewModel jobs,
                           UiServices ui) {
        this.importer = importer;
        this.storeChanges = new StoreFollower(database, this::refresh);
        this.settings = settings;
        this.executor = executor;
        this.jobs = jobs;
        this.ui = ui;
    }

    /** The screen is shown: follow the store's changes, starting with a fresh read. */
    public void activate() {
        storeChanges.activate();
    }

    /** The screen went away: stop following the store. */
    public void deactivate() {
        storeChanges.deactivate();
    }

    public void refresh() {
        BackgroundTask.wrap(importer::history)
                .onSuccess(batches -> {
                    error.set("");
                    history.setAll(batches);
                    sampleLoaded.set(SampleData.loaded(settings, batches));
                })
                .onFailure(problem -> error.set("Cannot read the import history: " + ErrorDialog.describe(problem)))
                .executeWith(executor);
    }

    /** Whether an import can be undone: it completed and was not undone already, and no undo is running. */
    public boolean canUndo(ImportBatchRecord batch) {
        return batch.status().equals("completed") && !undoing.get();
    }

    /** Says what undoing {@code batch} would remove and keep, and undoes it as a job once the user confirms. */
    public void undo(ImportBatchRecord batch) {
        error.set("");
        message.set("");
        BackgroundTask.wrap(() -> importer.undoPreview(batch.id()))
                .onSuccess(preview -> {
                    if (ui.confirm("Undo the import of " + preview.fileName() + "?", confirmation(preview),
                            preview.created() == 0 ? "Undo import" : String.format("Remove %,d %s", preview.created(),
                                    preview.created() == 1 ? "profile" : "profiles"))) {
                        runUndo(batch);
                    }
                })
                .onFailure(problem -> error.set("Cannot undo this import: " + ErrorDialog.describe(problem)))
                .executeWith(executor);
    }

    private void runUndo(ImportBatchRecord batch) {
        undoing.set(true);
        jobs.submit(importer.undoJob(batch.id()), this::undone, problem -> {
            undoing.set(false);
            error.set(problem instanceof JobCancelledException ? "The undo was cancelled; nothing was removed."
                    : "The undo failed and nothing was removed: " + ErrorDialog.describe(problem));
        });
    }

    private void undone(UndoSummary summary) {
        undoing.set(false);
        String removed = String.format("Undid the import of %s: removed %,d %s", summary.fileName(), summary.removed(),
                summary.removed() == 1 ? "profile" : "profiles");
        String later = summary.removedLaterUpdated() == 0 ? ""
                : String.format(" (%,d of them updated by a later import)", summary.removedLaterUpdated());
        String kept = summary.keptUpdated() == 0 ? "."
                : String.format("; kept the %,d it only updated, unchanged: %s.", summary.keptUpdated(),
                        named(summary.keptExternalIds(), summary.keptUpdated()));
        message.set(removed + later + kept + (summary.warning() == null ? "" : " " + summary.warning()));
        refresh();
    }

    /** Shows how an import mapped the file's columns, as recorded in the history. */
    public void showMapping(ImportBatchRecord batch) {
        ColumnMapping mapping;
        try {
            mapping = batch.mapping();
        } catch (RuntimeException unreadable) {
            error.set("Cannot read the mapping of this import: " + ErrorDialog.describe(unreadable));
            return;
        }
        ui.inform("Columns of " + batch.fileName(), mapping == null ? "This import recorded no mapping." : describe(mapping));
    }

    /** One line per column: {@code email → Email}, {@code tier → custom attribute "tier"}, {@code id → skipped}. */
    static String describe(ColumnMapping mapping) {
        StringBuilder text = new StringBuilder();
        mapping.targets().forEach((column, target) -> {
            String goesTo = column.equals(mapping.cohortColumn()) ? "cohorts" : switch (target.kind()) {
                case FIELD -> target.field().label() + (target.format() == null ? "" : " (" + target.format() + ")");
                case ATTRIBUTE -> "custom attribute \"" + target.attributeName() + "\"";
                case SKIP -> "skipped";
            };
            text.append(column).append(" → ").append(goesTo).append('\n');
        });
        return text.toString().strip();
    }

    static String confirmation(UndoPreview preview) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("This removes the %,d %s that %s created, with their cohorts and segment memberships.",
                preview.created(), preview.created() == 1 ? "profile" : "profiles", preview.fileName()));
        if (preview.createdLaterUpdated() > 0) {
            text.append(String.format(" %,d of them %s updated by a later import since; %s removed all the same.",
                    preview.createdLaterUpdated(), preview.createdLaterUpdated() == 1 ? "was" : "were",
                    preview.createdLaterUpdated() == 1 ? "it is" : "they are"));
        }
        if (preview.updated() > 0) {
            text.append(String.format("%n%nThe %,d %s it only updated %s (earlier values are not stored): %s.",
                    preview.updated(), preview.updated() == 1 ? "profile" : "profiles",
                    preview.updated() == 1 ? "is kept as it is now" : "are kept as they are now",
                    named(preview.updatedExternalIds(), preview.updated())));
        }
        text.append("\n\nSegment snapshots are taken again afterwards. An undone import cannot be redone; import the file again instead.");
        return text.toString();
    }

    private static String named(List<String> ids, long total) {
        List<String> shown = ids.subList(0, Math.min(NAMED_IDS, ids.size()));
        return String.join(", ", shown) + (total > shown.size() ? String.format(" and %,d more", total - shown.size()) : "");
    }

    public ObservableList<ImportBatchRecord> history() {
        return history;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** What the last undo did. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Whether the sample customers are in the store, so the screen stops offering to load them. */
    public ReadOnlyBooleanProperty sampleLoadedProperty() {
        return sampleLoaded;
    }

    public ReadOnlyBooleanProperty undoingProperty() {
        return undoing;
    }
}

package org.cdpdesktop.gui.segments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.export.ExportFormat;
import org.cdpdesktop.core.export.ExportService;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.query.FieldValues;
import org.cdpdesktop.core.segment.CohortService;
import org.cdpdesktop.core.segment.Insight;
import org.cdpdesktop.core.segment.Segment;
import org.cdpdesktop.core.segment.Lookalikes;
import org.cdpdesktop.core.segment.SegmentInsights;
import org.cdpdesktop.core.segment.SegmentOverlap;
import org.cdpdesktop.core.segment.SegmentService;
import org.cdpdesktop.core.segment.SegmentSize;
import org.cdpdesktop.core.segment.SnapshotJob;
import org.cdpdesktop.core.segment.SnapshotResult;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.ExportFileChooser;
import org.cdpdesktop.gui.StoreFollower;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The Segments screen: the saved segments with live sizes and the commands on them (save, duplicate, delete,
 * snapshot, export). The parts of the screen each have their own model: the {@link RuleEditor} (the draft),
 * {@link MembershipChanges} (joined / left), {@link SegmentTrend} (the Trend tab) and {@link Cohorts}. While the
 * screen is shown ({@link #activate()} to {@link #deactivate()}) it follows the store's changes.
 */
public final class SegmentsViewModel {

    /** The services the screen uses, built once by the composition root. */
    public record Services(Database database, SegmentService segments, CohortService cohorts, FieldValues fieldValues,
                           ExportService exporter, SegmentInsights insights, SegmentOverlap overlap, Lookalikes lookalikes) {

        /** The services with insights, overlap and lookalikes built on {@code segments}; they keep no state of their own. */
        public Services(Database database, SegmentService segments, CohortService cohorts, FieldValues fieldValues,
                        ExportService exporter) {
            this(database, segments, cohorts, fieldValues, exporter, new SegmentInsights(database, segments),
                    new SegmentOverlap(segments), new Lookalikes(database, segments));
        }
    }

    private final Services services;
    private final SegmentService segments;
    private final TaskExecutor executor;
    private final JobsViewModel jobs;
    private final SegmentsDialogs dialogs;
    private final ExportFileChooser exportFiles;

    private final RuleEditor editor;
    private final MembershipChanges changes;
    private final SegmentTrend trend = new SegmentTrend();
    private final Cohorts cohorts;
    private final Insights insights;
    private final Lookalike lookalike;
    private final Overlap overlap;
    private final ObservableList<SegmentSize> segmentList = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<FieldRef> fields = FXCollections.observableArrayList();
    private final Map<FieldRef, ObservableList<String>> suggestions = new HashMap<>();

    private final StoreFollower storeChanges;
    private boolean sizesLoading;
    private boolean sizesStale;

    public SegmentsViewModel(Services services, TaskExecutor executor, JobsViewModel jobs, SegmentsDialogs dialogs,
                             ExportFileChooser exportFiles) {
        this.services = services;
        this.storeChanges = new StoreFollower(services.database(), this::refresh);
        this.segments = services.segments();
        this.exportFiles = exportFiles;
        this.executor = executor;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.editor = new RuleEditor(segments, executor);
        this.changes = new MembershipChanges(segments, executor);
        this.cohorts = new Cohorts(services.cohorts(), executor, this::fail);
        this.insights = new Insights(services.insights(), executor, this::fail);
        this.lookalike = new Lookalike(services.lookalikes(), jobs, result -> refresh());
        this.overlap = new Overlap(services.overlap(), executor, this::fail);
        editor.ruleTextProperty().addListener((observable, old, now) -> insights.clear());
        showAttributes(List.of());
        editor.savedProperty().addListener((observable, old, now) -> {
            if (old == null || now == null || old.id() != now.id()) {
                changes.show(now);
            }
            trend.select(now);
        });
        changes.show(null);
        trend.select(null);
    }

    // ---- Life cycle -----------------------------------------------------------------------------------------------

    /** The screen is shown: load everything and follow the store's changes until {@link #deactivate()}. */
    public void activate() {
        storeChanges.activate();
    }

    /** The screen went away: stop following the store. */
    public void deactivate() {
        storeChanges.deactivate();
    }

    /** Reloads the segment list with sizes, the snapshot history, cohorts, the builder's choices and the count. */
    public void refresh() {
        loadSizes();
        loadHistories();
        cohorts.reload();
        BackgroundTask.wrap(services.fieldValues()::attributeNames)
                .onSuccess(this::showAttributes)
                .onFailure(this::fail)
                .executeWith(executor);
        suggestions.clear();
        changes.reload();
        editor.recount();
    }

    /**
     * Counting every segment scans the profile table, seconds on a million profiles, while an import commits chunk
     * after chunk: so at most one count runs, and changes made meanwhile lead to exactly one more.
     */
    private void loadSizes() {
        if (sizesLoading) {
            sizesStale = true;
            return;
        }
        sizesLoading = true;
        BackgroundTask.wrap(segments::sizes)
                .onSuccess(sizes -> {
                    segmentList.setAll(sizes);
                    sizesLoaded();
                })
                .onFailure(failure -> {
                    fail(failure);
                    sizesLoaded();
                })
                .executeWith(executor);
    }

    private void sizesLoaded() {
        sizesLoading = false;
        if (sizesStale) {
            sizesStale = false;
            loadSizes();
        }
    }

    private void loadHistories() {
        BackgroundTask.wrap(segments::histories)
                .onSuccess(trend::load)
                .onFailure(this::fail)
                .executeWith(executor);
    }

    private void showAttributes(List<String> names) {
        List<FieldRef> all = new ArrayList<>();
        for (ProfileField field : ProfileField.values()) {
            all.add(FieldRef.profile(field));
        }
        all.addAll(List.of(FieldRef.cohort(), FieldRef.segment()));
        names.forEach(attribute -> all.add(FieldRef.attribute(attribute)));
        // Edited in place, not replaced: a combo box whose items are replaced loses its value, and the builder's
        // field pickers would go blank each time the attribute names are read again.
        fields.retainAll(all);
        for (int i = 0; i < all.size(); i++) {
            if (i >= fields.size() || !fields.get(i).equals(all.get(i))) {
                fields.add(i, all.get(i));
            }
        }
    }

    /** Values seen in the data for {@code field}, commonest first, loaded once per refresh in the background. */
    public ObservableList<String> suggestions(FieldRef field) {
        return suggestions.computeIfAbsent(field, key -> {
            ObservableList<String> values = FXCollections.observableArrayList();
            BackgroundTask.wrap(() -> services.fieldValues().suggestions(key, 50))
                    .onSuccess(values::setAll)
                    .onFailure(this::fail)
                    .executeWith(executor);
            return values;
        });
    }

    // ---- Commands -------------------------------------------------------------------------------------------------

    /** Opens {@code segment} in the editor. */
    public void open(Segment segment) {
        if (segment != null) {
            editor.open(segment);
            status.set("");
        }
    }

    /** Starts a new, unsaved draft: name, builder, text and preview all start empty. */
    public void newSegment() {
        editor.newDraft();
        status.set("");
    }

    /** Compares the members of the draft's rule with everyone else. */
    public void findInsights() {
        Condition rule = editor.rule();
        if (rule == null) {
            status.set("Cannot compare: " + editor.whyNoRule());
            return;
        }
        insights.find(rule);
    }

    /** Saves a lookalike of the saved segment on screen, of the size and under the name typed. */
    public void saveLookalike() {
        lookalike.save(editor.savedProperty().get());
    }

    /** Starts a new, unsaved draft whose rule is the condition that selects {@code insight}'s value. */
    public void newSegmentFrom(Insight insight) {
        editor.draftFrom(insight.dimension() + " " + insight.value(), insight.condition());
        status.set("New segment from “" + insight.ruleText() + "”: name it and save it to keep it");
    }

    public void save() {
        Condition saved = editor.rule();
        if (saved == null) {
            status.set("Cannot save: " + editor.whyNoRule());
            return;
        }
        Segment current = editor.savedProperty().get();
        String segmentName = editor.nameProperty().get();
        String text = editor.descriptionProperty().get();
        BackgroundTask.wrap(() -> current == null ? segments.create(segmentName, saved, text)
                        : segments.update(current.id(), segmentName, saved, text))
                .onSuccess(segment -> {
                    editor.saved(segment);
                    status.set("Saved \u201c" + segment.name() + "\u201d");
                })
                .onFailure(failure -> status.set("Cannot save: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    public void duplicate() {
        Segment current = editor.savedProperty().get();
        if (current == null) {
            status.set("Save the segment before duplicating it");
            return;
        }
        BackgroundTask.wrap(() -> segments.duplicate(current.id()))
                .onSuccess(copy -> {
                    editor.open(copy);
                    status.set("Created \u201c" + copy.name() + "\u201d");
                })
                .onFailure(failure -> status.set("Cannot duplicate: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    /** Deletes the open segment with its history, once the user confirms; an unsaved draft has nothing to delete. */
    public void delete() {
        Segment current = editor.savedProperty().get();
        if (current == null) {
            status.set("This segment is not saved, so there is nothing to delete");
            return;
        }
        if (!dialogs.confirm("Delete segment", "Delete the segment \u201c" + current.name()
                + "\u201d with its history? This cannot be undone.", "Delete")) {
            return;
        }
        BackgroundTask.wrap(() -> {
                    segments.delete(current.id());
                    return current;
                })
                .onSuccess(deleted -> {
                    editor.newDraft();
                    status.set("Deleted \u201c" + deleted.name() + "\u201d");
                })
                .onFailure(failure -> status.set("Cannot delete: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    public void takeSnapshot() {
        status.set("Taking a snapshot of every segment…");
        jobs.submit(new SnapshotJob(segments, "manual"), this::snapshotTaken,
                failure -> status.set("Snapshot failed: " + ErrorDialog.describe(failure)));
    }

    private void snapshotTaken(List<SnapshotResult> results) {
        long failed = results.stream().filter(result -> result.error() != null).count();
        status.set("Snapshot taken of " + (results.size() - failed) + " segments"
                + (failed == 0 ? "" : "; " + failed + " could not be evaluated (see the list)"));
    }

    /** Exports the current rule's members as CSV to the file the user chooses, as a job with progress and cancel. */
    public void exportMembers() {
        Condition exported = editor.rule();
        if (exported == null) {
            status.set("Cannot export: " + editor.whyNoRule());
            return;
        }
        String segmentName = editor.nameProperty().get().isBlank() ? "segment" : editor.nameProperty().get();
        Optional<Path> chosen = exportFiles.choose(ExportFormat.CSV, segmentName);
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        status.set("Exporting members to " + file + "…");
        BackgroundTask.wrap(() -> segments.withLiveRules(exported))
                .onSuccess(live -> jobs.submit(services.exporter().exportJob(ExportFormat.CSV, file, new ProfileQuery(live, null, null, null)),
                        summary -> status.set(String.format("Exported %,d members to %s", summary.profiles(), file)),
                        failure -> status.set("Export failed: " + ErrorDialog.describe(failure))))
                .onFailure(failure -> status.set("Export failed: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    private void fail(Throwable failure) {
        status.set("Could not read the store: " + ErrorDialog.describe(failure));
    }

    // ---- Parts and properties -------------------------------------------------------------------------------------

    public RuleEditor editor() {
        return editor;
    }

    public MembershipChanges changes() {
        return changes;
    }

    public SegmentTrend trend() {
        return trend;
    }

    public Cohorts cohorts() {
        return cohorts;
    }

    public Insights insights() {
        return insights;
    }

    public Lookalike lookalike() {
        return lookalike;
    }

    public Overlap overlap() {
        return overlap;
    }

    public ObservableList<SegmentSize> segments() {
        return segmentList;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ObservableList<FieldRef> fields() {
        return fields;
    }
}

package org.cdpdesktop.gui.segments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.cdpdesktop.App;
import org.cdpdesktop.core.export.ExportFormat;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.segment.CohortSize;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.segment.MembershipChange;
import org.cdpdesktop.core.query.RuleFormatter;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.query.RuleSyntaxException;
import org.cdpdesktop.core.segment.Segment;
import org.cdpdesktop.core.segment.SegmentHistory;
import org.cdpdesktop.core.segment.SegmentService;
import org.cdpdesktop.core.segment.SegmentSize;
import org.cdpdesktop.core.segment.SnapshotJob;
import org.cdpdesktop.core.segment.SnapshotResult;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.ExportFileChooser;
import org.cdpdesktop.gui.StoreChanges;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The Segments screen's state: the saved segments with live sizes, the segment being edited (visual builder and
 * text form kept in step), its live count and preview (debounced, off the FX thread, stale answers dropped),
 * snapshot history, "joined / left since the last snapshot", and cohorts.
 */
public final class SegmentsViewModel {

    static final Duration EDIT_DELAY = Duration.millis(300);
    static final int PREVIEW_ROWS = 100;
    static final int CHANGE_ROWS = 200;
    static final int COHORT_ROWS = 200;

    private final App app;
    private final SegmentService segments;
    private final TaskExecutor executor;
    private final JobsViewModel jobs;
    private final ExportFileChooser exportFiles;

    private final ObservableList<SegmentSize> segmentList = FXCollections.observableArrayList();
    private final ObjectProperty<Segment> editing = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<BuilderGroup> root = new SimpleObjectProperty<>();
    private final StringProperty ruleText = new SimpleStringProperty("");
    private final StringProperty ruleProblem = new SimpleStringProperty("");
    private final StringProperty count = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<Profile> preview = FXCollections.observableArrayList();
    private final ObservableList<SegmentHistory> histories = FXCollections.observableArrayList();
    private final StringProperty changesSince = new SimpleStringProperty("");
    private final ObservableList<Profile> joined = FXCollections.observableArrayList();
    private final ObservableList<Profile> left = FXCollections.observableArrayList();
    private final StringProperty joinedTitle = new SimpleStringProperty("Joined");
    private final StringProperty leftTitle = new SimpleStringProperty("Left");
    private final ObservableList<FieldRef> fields = FXCollections.observableArrayList();
    private final Map<FieldRef, ObservableList<String>> suggestions = new HashMap<>();
    private final ObservableList<CohortSize> cohorts = FXCollections.observableArrayList();
    private final ObservableList<Profile> cohortMembers = FXCollections.observableArrayList();

    private final PauseTransition countDelay = new PauseTransition(EDIT_DELAY);
    private final PauseTransition textDelay = new PauseTransition(EDIT_DELAY);
    private Condition rule;
    private boolean writingText;
    private boolean loadingTree;
    private long countRequest;
    private boolean sizesLoading;
    private boolean sizesStale;

    public SegmentsViewModel(App app, TaskExecutor executor, JobsViewModel jobs, ExportFileChooser exportFiles) {
        this.app = app;
        this.exportFiles = exportFiles;
        this.segments = app.segments();
        this.executor = executor;
        this.jobs = jobs;
        countDelay.setOnFinished(event -> countNow());
        textDelay.setOnFinished(event -> readText());
        ruleText.addListener((observable, old, now) -> {
            if (!writingText) {
                textDelay.playFromStart();
            }
        });
        showAttributes(List.of());
        StoreChanges.onChange(app.database(), this::refresh);
        newSegment();
    }

    // ---- Loading --------------------------------------------------------------------------------------------------

    /** Reloads the segment list with sizes, the snapshot history, cohorts and the current count. */
    public void refresh() {
        loadSizes();
        BackgroundTask.wrap(segments::histories)
                .onSuccess(histories::setAll)
                .onFailure(this::fail)
                .executeWith(executor);
        BackgroundTask.wrap(app.cohorts()::cohorts)
                .onSuccess(cohorts::setAll)
                .onFailure(this::fail)
                .executeWith(executor);
        BackgroundTask.wrap(app.fieldValues()::attributeNames)
                .onSuccess(this::showAttributes)
                .onFailure(this::fail)
                .executeWith(executor);
        suggestions.clear();
        loadChanges();
        scheduleCount();
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

    private void showAttributes(List<String> names) {
        List<FieldRef> all = new ArrayList<>();
        for (ProfileField field : ProfileField.values()) {
            all.add(FieldRef.profile(field));
        }
        all.addAll(List.of(FieldRef.cohort(), FieldRef.segment()));
        names.forEach(attribute -> all.add(FieldRef.attribute(attribute)));
        if (!all.equals(fields)) {
            fields.setAll(all);
        }
    }

    /** Values seen in the data for {@code field}, loaded once per refresh in the background. */
    public ObservableList<String> suggestions(FieldRef field) {
        return suggestions.computeIfAbsent(field, key -> {
            ObservableList<String> values = FXCollections.observableArrayList();
            BackgroundTask.wrap(() -> app.fieldValues().suggestions(key, 50))
                    .onSuccess(values::setAll)
                    .onFailure(this::fail)
                    .executeWith(executor);
            return values;
        });
    }

    // ---- Editing --------------------------------------------------------------------------------------------------

    /** Opens {@code segment} in the editor, unless it is already the one being edited. */
    public void open(Segment segment) {
        if (segment == null || editing.get() != null && editing.get().id() == segment.id()) {
            return;
        }
        editing.set(segment);
        name.set(segment.name());
        description.set(segment.description() == null ? "" : segment.description());
        try {
            show(segment.rule());
        } catch (RuleSyntaxException e) {
            setRoot(new BuilderGroup());
            setText(segment.ruleText());
            ruleProblem.set(e.getMessage());
        }
        status.set("");
        loadChanges();
    }

    /** Starts a new, unsaved segment with one empty condition. */
    public void newSegment() {
        editing.set(null);
        name.set("");
        description.set("");
        BuilderGroup group = new BuilderGroup();
        group.children().add(new BuilderCondition());
        setRoot(group);
        builderChanged();
        status.set("");
        loadChanges();
    }

    private void show(Condition condition) {
        setRoot(BuilderGroup.of(condition));
        builderChanged();
    }

    private void setRoot(BuilderGroup group) {
        loadingTree = true;
        try {
            group.onChange(this::builderChanged);
            root.set(group);
        } finally {
            loadingTree = false;
        }
    }

    private void builderChanged() {
        if (loadingTree) {
            return;
        }
        try {
            Condition condition = root.get().toCondition();
            rule = condition;
            ruleProblem.set("");
            setText(RuleFormatter.format(condition));
            scheduleCount();
        } catch (IllegalArgumentException e) {
            rule = null;
            ruleProblem.set(e.getMessage());
            count.set("Finish the rule to see its count");
        }
    }

    private void setText(String text) {
        writingText = true;
        try {
            ruleText.set(text);
        } finally {
            writingText = false;
        }
    }

    /** The text form was edited: when it parses, it becomes the builder's tree. */
    private void readText() {
        try {
            Condition condition = RuleParser.parse(ruleText.get());
            rule = condition;
            ruleProblem.set("");
            setRoot(BuilderGroup.of(condition));
            scheduleCount();
        } catch (RuleSyntaxException e) {
            rule = null;
            ruleProblem.set(e.getMessage());
            count.set("Fix the rule to see its count");
        }
    }

    private void scheduleCount() {
        if (rule != null) {
            countDelay.playFromStart();
        }
    }

    private record Evaluation(long count, List<Profile> preview) {
    }

    private void countNow() {
        Condition counted = rule;
        if (counted == null) {
            return;
        }
        long request = ++countRequest;
        count.set("Counting…");
        BackgroundTask.wrap(() -> new Evaluation(segments.count(counted), segments.members(counted, PREVIEW_ROWS, 0)))
                .onSuccess(result -> {
                    if (request == countRequest) {
                        count.set(String.format("%,d matching %s", result.count(), result.count() == 1 ? "profile" : "profiles"));
                        preview.setAll(result.preview());
                    }
                })
                .onFailure(failure -> {
                    if (request == countRequest) {
                        count.set("Cannot count: " + ErrorDialog.describe(failure));
                        preview.clear();
                    }
                })
                .executeWith(executor);
    }

    // ---- Commands -------------------------------------------------------------------------------------------------

    public void save() {
        Condition saved = rule;
        if (saved == null) {
            status.set("Cannot save: " + ruleProblem.get());
            return;
        }
        Segment current = editing.get();
        String segmentName = name.get();
        String text = description.get();
        BackgroundTask.wrap(() -> current == null ? segments.create(segmentName, saved, text)
                        : segments.update(current.id(), segmentName, saved, text))
                .onSuccess(segment -> {
                    editing.set(segment);
                    status.set("Saved \"" + segment.name() + "\"");
                })
                .onFailure(failure -> status.set("Cannot save: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    public void duplicate() {
        Segment current = editing.get();
        if (current == null) {
            status.set("Save the segment before duplicating it");
            return;
        }
        BackgroundTask.wrap(() -> segments.duplicate(current.id()))
                .onSuccess(copy -> {
                    editing.set(null);
                    open(copy);
                    status.set("Created \"" + copy.name() + "\"");
                })
                .onFailure(failure -> status.set("Cannot duplicate: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    public void delete() {
        Segment current = editing.get();
        if (current == null) {
            newSegment();
            return;
        }
        BackgroundTask.wrap(() -> {
                    segments.delete(current.id());
                    return current;
                })
                .onSuccess(deleted -> {
                    newSegment();
                    status.set("Deleted \"" + deleted.name() + "\"");
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
        Condition exported = rule;
        if (exported == null) {
            status.set("Cannot export: " + ruleProblem.get());
            return;
        }
        String segmentName = name.get() == null || name.get().isBlank() ? "segment" : name.get();
        Optional<Path> chosen = exportFiles.choose(ExportFormat.CSV, segmentName);
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        status.set("Exporting members to " + file + "…");
        jobs.submit(app.exporter().exportJob(ExportFormat.CSV, file, new ProfileQuery(exported, null, null, null)),
                summary -> status.set(String.format("Exported %,d members to %s", summary.profiles(), file)),
                failure -> status.set("Export failed: " + ErrorDialog.describe(failure)));
    }

    private void loadChanges() {
        Segment current = editing.get();
        joined.clear();
        left.clear();
        joinedTitle.set("Joined");
        leftTitle.set("Left");
        if (current == null) {
            changesSince.set("Save the segment and take a snapshot to follow who joins and leaves it.");
            return;
        }
        record Changes(MembershipChange change, List<Profile> joined, List<Profile> left) {
        }
        BackgroundTask.wrap(() -> {
                    MembershipChange change = segments.diffSinceLastSnapshot(current.id());
                    return new Changes(change, segments.profiles(change.added(), CHANGE_ROWS),
                            segments.profiles(change.removed(), CHANGE_ROWS));
                })
                .onSuccess(changes -> {
                    if (editing.get() == null || editing.get().id() != current.id()) {
                        return;
                    }
                    changesSince.set(changes.change().since() == null
                            ? "No snapshot of this segment yet: every member counts as joined."
                            : "Since the snapshot of " + changes.change().since());
                    joinedTitle.set(String.format("Joined (%,d)", changes.change().added().length));
                    leftTitle.set(String.format("Left (%,d)", changes.change().removed().length));
                    joined.setAll(changes.joined());
                    left.setAll(changes.left());
                })
                .onFailure(failure -> changesSince.set("Cannot compare with the last snapshot: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    /** Shows the members of {@code cohort}. */
    public void openCohort(CohortSize cohort) {
        if (cohort == null) {
            cohortMembers.clear();
            return;
        }
        BackgroundTask.wrap(() -> app.cohorts().members(cohort.cohort(), COHORT_ROWS, 0))
                .onSuccess(cohortMembers::setAll)
                .onFailure(this::fail)
                .executeWith(executor);
    }

    private void fail(Throwable failure) {
        status.set("Could not read the store: " + ErrorDialog.describe(failure));
    }

    // ---- Properties -----------------------------------------------------------------------------------------------

    public ObservableList<SegmentSize> segments() {
        return segmentList;
    }

    public ReadOnlyObjectProperty<Segment> editingProperty() {
        return editing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyObjectProperty<BuilderGroup> rootProperty() {
        return root;
    }

    public StringProperty ruleTextProperty() {
        return ruleText;
    }

    public ReadOnlyStringProperty ruleProblemProperty() {
        return ruleProblem;
    }

    public ReadOnlyStringProperty countProperty() {
        return count;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ObservableList<Profile> preview() {
        return preview;
    }

    public ObservableList<SegmentHistory> histories() {
        return histories;
    }

    public ReadOnlyStringProperty changesSinceProperty() {
        return changesSince;
    }

    public ObservableList<Profile> joined() {
        return joined;
    }

    public ObservableList<Profile> left() {
        return left;
    }

    public ReadOnlyStringProperty joinedTitleProperty() {
        return joinedTitle;
    }

    public ReadOnlyStringProperty leftTitleProperty() {
        return leftTitle;
    }

    public ObservableList<FieldRef> fields() {
        return fields;
    }

    public ObservableList<CohortSize> cohorts() {
        return cohorts;
    }

    public ObservableList<Profile> cohortMembers() {
        return cohortMembers;
    }
}

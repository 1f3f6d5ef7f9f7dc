package org.cdpdesktop.gui.segments;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.segment.MembershipChange;
import org.cdpdesktop.core.segment.Segment;
import org.cdpdesktop.core.segment.SegmentService;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/** Who joined and who left the open segment since its last snapshot. */
public final class MembershipChanges {

    static final int CHANGE_ROWS = 200;

    private final SegmentService segments;
    private final TaskExecutor executor;
    private final StringProperty since = new SimpleStringProperty("");
    private final ObservableList<Profile> joined = FXCollections.observableArrayList();
    private final ObservableList<Profile> left = FXCollections.observableArrayList();
    private final StringProperty joinedTitle = new SimpleStringProperty("Joined");
    private final StringProperty leftTitle = new SimpleStringProperty("Left");
    private Segment shown;

    MembershipChanges(SegmentService segments, TaskExecutor executor) {
        this.segments = segments;
        this.executor = executor;
    }

    /** Loads the changes of {@code segment}; a draft (null) has none yet. */
    void show(Segment segment) {
        shown = segment;
        joined.clear();
        left.clear();
        joinedTitle.set("Joined");
        leftTitle.set("Left");
        if (segment == null) {
            since.set("Save the segment and take a snapshot to follow who joins and leaves it.");
            return;
        }
        record Changes(MembershipChange change, List<Profile> joined, List<Profile> left) {
        }
        BackgroundTask.wrap(() -> {
                    MembershipChange change = segments.diffSinceLastSnapshot(segment.id());
                    return new Changes(change, segments.profiles(change.added(), CHANGE_ROWS),
                            segments.profiles(change.removed(), CHANGE_ROWS));
                })
                .onSuccess(changes -> {
                    if (shown == null || shown.id() != segment.id()) {
                        return;
                    }
                    since.set(changes.change().since() == null
                            ? "No snapshot of this segment yet: every member counts as joined."
                            : "Since the snapshot of " + SegmentTrendChart.readableTime(changes.change().since()));
                    joinedTitle.set(String.format("Joined (%,d)", changes.change().added().length));
                    leftTitle.set(String.format("Left (%,d)", changes.change().removed().length));
                    joined.setAll(changes.joined());
                    left.setAll(changes.left());
                })
                .onFailure(failure -> since.set("Cannot compare with the last snapshot: " + ErrorDialog.describe(failure)))
                .executeWith(executor);
    }

    /** Loads the shown segment's changes again. */
    void reload() {
        show(shown);
    }

    public ReadOnlyStringProperty sinceProperty() {
        return since;
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
}

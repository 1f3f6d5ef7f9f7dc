package org.cdpdesktop.gui.segments;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.core.segment.Segment;
import org.cdpdesktop.core.segment.SegmentHistory;

/**
 * The Trend tab: the open segment's size at each snapshot, and the sizes of any other segments the user adds to
 * compare with it. A segment with no snapshot yet is named with what to do instead of being silently left out.
 */
public final class SegmentTrend {

    private final ObservableList<SegmentHistory> histories = FXCollections.observableArrayList();
    private final Set<Long> compared = new LinkedHashSet<>();
    private final ObservableList<SegmentHistory> shown = FXCollections.observableArrayList();
    private final ObservableList<SegmentHistory> others = FXCollections.observableArrayList();
    private final StringProperty note = new SimpleStringProperty("");
    private Segment selected;

    /** The open segment; null for an unsaved draft. */
    void select(Segment segment) {
        selected = segment;
        if (segment != null) {
            compared.remove(segment.id());
        }
        update();
    }

    void load(List<SegmentHistory> all) {
        histories.setAll(all);
        update();
    }

    /** Adds {@code segmentId}'s line to the chart next to the open segment's, or takes it away again. */
    public void compare(long segmentId, boolean shownToo) {
        if (shownToo) {
            compared.add(segmentId);
        } else {
            compared.remove(segmentId);
        }
        update();
    }

    public boolean isCompared(long segmentId) {
        return compared.contains(segmentId);
    }

    private void update() {
        List<SegmentHistory> lines = new ArrayList<>();
        Optional<SegmentHistory> own = selected == null ? Optional.empty() : history(selected.id());
        own.filter(SegmentTrend::drawable).ifPresent(lines::add);
        compared.removeIf(id -> history(id).isEmpty());
        compared.forEach(id -> history(id).filter(SegmentTrend::drawable).ifPresent(lines::add));
        shown.setAll(lines);
        others.setAll(histories.stream().filter(history -> selected == null || history.segmentId() != selected.id()).toList());
        if (selected == null) {
            note.set(compared.isEmpty() ? "Save the segment to follow its size at every snapshot." : "");
        } else if (own.map(history -> history.points().isEmpty()).orElse(true)) {
            note.set("\u201c" + selected.name() + "\u201d has no snapshot yet: \u201cTake snapshot\u201d (or the next import)"
                    + " records its size.");
        } else {
            note.set("");
        }
    }

    private static boolean drawable(SegmentHistory history) {
        return !history.points().isEmpty();
    }

    private Optional<SegmentHistory> history(long segmentId) {
        return histories.stream().filter(history -> history.segmentId() == segmentId).findFirst();
    }

    /**
     * The lines to draw: the open segment's first, then the compared ones in the order they were added; a segment
     * without snapshots has no line.
     */
    public ObservableList<SegmentHistory> shown() {
        return shown;
    }

    /** Every other segment, offered for comparison. */
    public ObservableList<SegmentHistory> others() {
        return others;
    }

    /** Why the open segment has no line, or empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note;
    }
}

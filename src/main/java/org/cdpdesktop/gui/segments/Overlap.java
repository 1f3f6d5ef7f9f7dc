package org.cdpdesktop.gui.segments;

import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.segment.OverlapMatrix;
import org.cdpdesktop.core.segment.Segment;
import org.cdpdesktop.core.segment.SegmentOverlap;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/** The Overlap tab: how the saved segments overlap, and the profiles in both of the pair picked. */
public final class Overlap {

    static final int MEMBER_ROWS = 200;
    static final String PICK = "Click a cell to list the profiles in both segments";

    private final SegmentOverlap overlap;
    private final TaskExecutor executor;
    private final Consumer<Throwable> failed;
    private final ObjectProperty<OverlapMatrix> matrix = new SimpleObjectProperty<>();
    private final ObservableList<Profile> members = FXCollections.observableArrayList();
    private final SimpleStringProperty note = new SimpleStringProperty("");
    private final SimpleStringProperty pairTitle = new SimpleStringProperty("Profiles in both");

    Overlap(SegmentOverlap overlap, TaskExecutor executor, Consumer<Throwable> failed) {
        this.overlap = overlap;
        this.executor = executor;
        this.failed = failed;
    }

    /** Counts every pair of saved segments again. */
    public void load() {
        note.set("Counting the overlaps of every pair of segments…");
        BackgroundTask.wrap(overlap::matrix)
                .onSuccess(loaded -> {
                    matrix.set(loaded);
                    note.set(loaded.segments().isEmpty() ? "No saved segments yet: save a segment to see how it overlaps the others"
                            : String.format("%,d segments; each cell: profiles in both, shaded by Jaccard (in both ÷ in either)",
                            loaded.segments().size()) + (loaded.failed().isEmpty() ? ""
                            : "; left out, their rules cannot be evaluated: " + String.join(", ", loaded.failed().keySet())));
                })
                .onFailure(failure -> {
                    note.set("");
                    failed.accept(failure);
                })
                .executeWith(executor);
    }

    /** Lists the profiles in both segment {@code row} and segment {@code column} of the matrix shown. */
    public void open(int row, int column) {
        OverlapMatrix shown = matrix.get();
        Segment first = shown.segments().get(row);
        Segment second = shown.segments().get(column);
        long both = shown.both()[row][column];
        pairTitle.set(String.format("In both \u201c%s\u201d and \u201c%s\u201d: %,d profiles%s", first.name(), second.name(),
                both, both > MEMBER_ROWS ? String.format(" (the first %,d shown)", MEMBER_ROWS) : ""));
        BackgroundTask.wrap(() -> overlap.inBoth(first, second, MEMBER_ROWS))
                .onSuccess(members::setAll)
                .onFailure(failed)
                .executeWith(executor);
    }

    public ReadOnlyObjectProperty<OverlapMatrix> matrixProperty() {
        return matrix;
    }

    public ObservableList<Profile> members() {
        return members;
    }

    public ReadOnlyStringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty pairTitleProperty() {
        return pairTitle;
    }
}

package org.cdpdesktop.gui.segments;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.segment.Insight;
import org.cdpdesktop.core.segment.InsightReport;
import org.cdpdesktop.core.segment.SegmentInsights;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/** The Insights tab: what sets the draft's members apart from everyone else, strongest differences first. */
public final class Insights {

    static final int ROWS = 50;
    static final String START = "Find what sets the members of this rule apart from everyone else";

    private final SegmentInsights insights;
    private final TaskExecutor executor;
    private final Consumer<Throwable> failed;
    private final ObservableList<Insight> rows = FXCollections.observableArrayList();
    private final SimpleStringProperty note = new SimpleStringProperty(START);
    private final SimpleBooleanProperty running = new SimpleBooleanProperty(false);

    Insights(SegmentInsights insights, TaskExecutor executor, Consumer<Throwable> failed) {
        this.insights = insights;
        this.executor = executor;
        this.failed = failed;
    }

    /** Compares the profiles matching {@code rule} with the rest. */
    void find(Condition rule) {
        rows.clear();
        running.set(true);
        note.set("Comparing the members with everyone else…");
        BackgroundTask.wrap(() -> insights.insights(rule, ROWS))
                .onSuccess(this::show)
                .onFailure(failure -> {
                    running.set(false);
                    note.set(START);
                    failed.accept(failure);
                })
                .executeWith(executor);
    }

    /** The draft changed: the rows shown describe another rule. */
    void clear() {
        rows.clear();
        note.set(START);
    }

    private void show(InsightReport report) {
        running.set(false);
        rows.setAll(report.insights());
        if (report.members() == 0) {
            note.set("No profile matches this rule, so there is nothing to compare");
        } else if (report.insights().isEmpty()) {
            note.set(String.format("Nothing sets these %,d members apart: none of the %,d values tested differs"
                    + " significantly from the other %,d profiles", report.members(), report.tested(), report.rest()));
        } else {
            note.set(String.format("%,d members against %,d others: %,d of %,d values differ significantly"
                    + " (false discovery rate %.0f%%). Pick a row to start a segment from it.", report.members(),
                    report.rest(), report.insights().size(), report.tested(), SegmentInsights.FALSE_DISCOVERY_RATE * 100));
        }
    }

    public ObservableList<Insight> rows() {
        return rows;
    }

    public ReadOnlyStringProperty noteProperty() {
        return note;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }
}

package org.cdpdesktop.gui.task;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cdpdesktop.core.jobs.JobHandle;
import org.cdpdesktop.core.jobs.JobProgress;

/** A core job as the GUI shows it: observable progress and text, updated on the FX thread. */
public final class RunningJob {

    private final String title;
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty description;
    private JobHandle<?> handle;

    RunningJob(String title) {
        this.title = title;
        this.description = new SimpleStringProperty(title);
    }

    void attach(JobHandle<?> handle) {
        this.handle = handle;
    }

    void show(JobProgress latest) {
        progress.set(latest.fraction());
        description.set(latest.describe());
    }

    public String title() {
        return title;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description;
    }

    public void cancel() {
        handle.cancel();
    }
}

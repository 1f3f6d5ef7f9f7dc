package org.cdpdesktop.gui.task;

import javafx.concurrent.Task;

/** Where the GUI runs background tasks; one shared instance, created by the composition root. */
public interface TaskExecutor {
    void execute(Task<?> task);
}

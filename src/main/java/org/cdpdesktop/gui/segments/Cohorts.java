package org.cdpdesktop.gui.segments;

import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.segment.CohortService;
import org.cdpdesktop.core.segment.CohortSize;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/** The Cohorts tab: every cohort with its size, and the members of the one picked. */
public final class Cohorts {

    static final int MEMBER_ROWS = 200;

    private final CohortService cohorts;
    private final TaskExecutor executor;
    private final ObservableList<CohortSize> sizes = FXCollections.observableArrayList();
    private final ObservableList<Profile> members = FXCollections.observableArrayList();
    private final Consumer<Throwable> failed;

    Cohorts(CohortService cohorts, TaskExecutor executor, Consumer<Throwable> failed) {
        this.cohorts = cohorts;
        this.executor = executor;
        this.failed = failed;
    }

    void reload() {
        BackgroundTask.wrap(cohorts::cohorts)
                .onSuccess(sizes::setAll)
                .onFailure(failed)
                .executeWith(executor);
    }

    /** Shows the members of {@code cohort}; none when null. */
    public void open(CohortSize cohort) {
        if (cohort == null) {
            members.clear();
            return;
        }
        BackgroundTask.wrap(() -> cohorts.members(cohort.cohort(), MEMBER_ROWS, 0))
                .onSuccess(members::setAll)
                .onFailure(failed)
                .executeWith(executor);
    }

    public ObservableList<CohortSize> sizes() {
        return sizes;
    }

    public ObservableList<Profile> members() {
        return members;
    }
}

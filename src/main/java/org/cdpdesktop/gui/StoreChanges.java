package org.cdpdesktop.gui;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.cdpdesktop.core.db.Database;

/** Turns the store's change events into one debounced callback on the FX thread, so views refresh once per burst. */
public final class StoreChanges {

    /** How long the store must stay quiet before listeners refresh. */
    public static final Duration QUIET_PERIOD = Duration.millis(250);

    private StoreChanges() {
    }

    /** Calls {@code refresh} once per burst of changes until the returned subscription is closed. */
    public static Database.Subscription onChange(Database database, Runnable refresh) {
        PauseTransition debounce = new PauseTransition(QUIET_PERIOD);
        debounce.setOnFinished(event -> refresh.run());
        Database.Subscription subscription = database.onChange(() -> Platform.runLater(debounce::playFromStart));
        return () -> {
            subscription.close();
            Platform.runLater(debounce::stop);
        };
    }
}

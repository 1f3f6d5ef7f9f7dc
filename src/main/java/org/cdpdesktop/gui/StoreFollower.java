package org.cdpdesktop.gui;

import org.cdpdesktop.core.db.Database;

/**
 * A screen's interest in the store while it is shown: on {@link #activate()} it refreshes and follows every burst of
 * store changes, on {@link #deactivate()} it stops, so a hidden screen neither leaks a listener nor keeps querying.
 */
public final class StoreFollower implements Activatable {

    private final Database database;
    private final Runnable refresh;
    private Database.Subscription subscription;

    public StoreFollower(Database database, Runnable refresh) {
        this.database = database;
        this.refresh = refresh;
    }

    @Override
    public void activate() {
        if (subscription == null) {
            subscription = StoreChanges.onChange(database, refresh);
        }
        refresh.run();
    }

    @Override
    public void deactivate() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}

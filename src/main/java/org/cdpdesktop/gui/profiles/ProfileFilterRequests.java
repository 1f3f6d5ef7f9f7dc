package org.cdpdesktop.gui.profiles;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Lets another screen open the profiles listing on a filter, e.g. the dashboard when a bar is clicked: it sets a
 * filter here and navigates to the profiles screen, which takes the filter and clears the request.
 */
public final class ProfileFilterRequests {

    private final ObjectProperty<ProfileFilter> requested = new SimpleObjectProperty<>();

    public void request(ProfileFilter filter) {
        requested.set(filter);
    }

    ObjectProperty<ProfileFilter> requestedProperty() {
        return requested;
    }
}

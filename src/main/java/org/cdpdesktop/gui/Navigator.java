package org.cdpdesktop.gui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Which screen the main window shows; any view may ask for another screen through it. */
public final class Navigator {

    private final ObjectProperty<Screen> current = new SimpleObjectProperty<>(Screen.DASHBOARD);

    public ObjectProperty<Screen> currentProperty() {
        return current;
    }

    public void show(Screen screen) {
        current.set(screen);
    }
}

package org.cdpdesktop.gui;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/** Table columns as every screen lays them out. */
public final class TableColumns {

    private TableColumns() {
    }

    /**
     * Keeps {@code column} at least as wide as its header, so a narrow table scrolls sideways instead of cutting the
     * header to a letter; the theme's bold header font is about a third wider than a plain {@link Text}'s.
     */
    public static <T, V> TableColumn<T, V> atLeastHeaderWide(TableColumn<T, V> column) {
        column.setMinWidth(new Text(column.getText()).getLayoutBounds().getWidth() * 1.3 + 24);
        return column;
    }
}

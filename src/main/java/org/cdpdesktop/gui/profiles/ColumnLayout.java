package org.cdpdesktop.gui.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cdpdesktop.core.profile.ProfileColumn;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * The profiles table's columns in order with their widths, kept in settings as text such as
 * {@code email:220,firstName:120,attr:tier:90} so the table opens as the user left it.
 */
record ColumnLayout(List<Column> columns) {

    static final String SETTING = "profiles.columns";
    static final double DEFAULT_WIDTH = 140;

    record Column(ProfileColumn column, double width) {
    }

    /** What the old service's exports hold; names, phone and custom attributes are one click away in "Columns". */
    static final ColumnLayout DEFAULT = new ColumnLayout(List.of(
            new Column(ProfileColumn.of(ProfileField.EMAIL), 250),
            new Column(ProfileColumn.of(ProfileField.AGE), 60),
            new Column(ProfileColumn.of(ProfileField.GENDER), 95),
            new Column(ProfileColumn.of(ProfileField.CITY), 120),
            new Column(ProfileColumn.of(ProfileField.COUNTRY), 125),
            new Column(ProfileColumn.of(ProfileField.INCOME), 100),
            new Column(ProfileColumn.of(ProfileField.INTERESTS), 180),
            new Column(ProfileColumn.of(ProfileField.SIGNUP_DATE), 190)));

    ColumnLayout {
        columns = List.copyOf(columns);
    }

    /** Reads a saved layout; an unreadable entry (a renamed field, a hand-edited file) is left out rather than failing. */
    static ColumnLayout parse(String text) {
        List<Column> columns = new ArrayList<>();
        for (String entry : text.split(",")) {
            int colon = entry.lastIndexOf(':');
            String id = colon > 0 ? entry.substring(0, colon) : entry;
            double width = DEFAULT_WIDTH;
            if (colon > 0) {
                try {
                    width = Double.parseDouble(entry.substring(colon + 1));
                } catch (NumberFormatException notAWidth) {
                    id = entry;
                }
            }
            try {
                columns.add(new Column(ProfileColumn.parse(id), width));
            } catch (IllegalArgumentException unknownField) {
                continue;
            }
        }
        return columns.isEmpty() ? DEFAULT : new ColumnLayout(columns);
    }

    String format() {
        List<String> entries = new ArrayList<>();
        for (Column column : columns) {
            entries.add(column.column().id() + ":" + String.format(Locale.ROOT, "%.0f", column.width()));
        }
        return String.join(",", entries);
    }
}

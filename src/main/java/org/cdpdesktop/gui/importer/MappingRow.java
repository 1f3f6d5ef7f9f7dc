package org.cdpdesktop.gui.importer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cdpdesktop.core.ingest.ColumnTarget;
import org.cdpdesktop.core.ingest.TargetKind;
import org.cdpdesktop.core.profile.ProfileField;

/** One source column in the mapping step: what it holds, where it goes, and how to read it. */
public final class MappingRow {

    private final String column;
    private final String sample;
    private final ObjectProperty<TargetChoice> target = new SimpleObjectProperty<>();
    private final StringProperty attributeName;
    private final StringProperty format = new SimpleStringProperty("");

    MappingRow(String column, String sample) {
        this.column = column;
        this.sample = sample;
        this.attributeName = new SimpleStringProperty(column);
    }

    public String column() {
        return column;
    }

    /** The first non-blank value of the column in the preview, so a user can tell what the column holds. */
    public String sample() {
        return sample;
    }

    public ObjectProperty<TargetChoice> targetProperty() {
        return target;
    }

    public StringProperty attributeNameProperty() {
        return attributeName;
    }

    /** A format hint for the field, e.g. a date pattern; blank lets the cleaner recognise the format. */
    public StringProperty formatProperty() {
        return format;
    }

    void show(ColumnTarget shown, boolean cohort) {
        if (cohort) {
            target.set(TargetChoice.COHORT);
            return;
        }
        switch (shown.kind()) {
            case FIELD -> target.set(TargetChoice.field(shown.field()));
            case ATTRIBUTE -> {
                target.set(TargetChoice.ATTRIBUTE);
                attributeName.set(shown.attributeName());
            }
            case SKIP -> target.set(TargetChoice.SKIP);
        }
        format.set(shown.format() == null ? "" : shown.format());
    }

    /** The core's target for this column; the cohort column is carried by the mapping itself, not as a target. */
    ColumnTarget toTarget() {
        TargetChoice choice = target.get();
        return switch (choice.kind()) {
            case FIELD -> new ColumnTarget(TargetKind.FIELD, choice.field(), null, formatOrNull());
            case ATTRIBUTE -> ColumnTarget.attribute(attributeName.get().isBlank() ? column : attributeName.get().trim());
            case COHORT, SKIP -> ColumnTarget.skip();
        };
    }

    private String formatOrNull() {
        String pattern = format.get();
        return pattern == null || pattern.isBlank() ? null : pattern.trim();
    }

    /** Whether the chosen field takes a format hint: dates do, as day and month order can't always be told apart. */
    public static boolean takesFormat(ProfileField field) {
        return field != null && field.type() == ProfileField.FieldType.DATE;
    }
}

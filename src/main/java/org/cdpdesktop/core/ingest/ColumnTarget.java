package org.cdpdesktop.core.ingest;

import org.cdpdesktop.core.profile.ProfileField;

/**
 * Where one source column goes.
 *
 * @param field         the profile field, for {@link TargetKind#FIELD} only
 * @param attributeName the custom attribute's name, for {@link TargetKind#ATTRIBUTE} only
 * @param format        an optional hint for the field's parser, e.g. the date pattern {@code dd/MM/yyyy};
 *                      {@code null} recognises the common formats
 */
public record ColumnTarget(TargetKind kind, ProfileField field, String attributeName, String format) {

    public ColumnTarget {
        if (kind == null) {
            throw new IllegalArgumentException("A column target needs a kind");
        }
        if (kind == TargetKind.FIELD && (field == null || !field.importable())) {
            throw new IllegalArgumentException("Column target " + field + " is not a field an import can fill");
        }
        if (kind == TargetKind.ATTRIBUTE && (attributeName == null || attributeName.isBlank())) {
            throw new IllegalArgumentException("A custom attribute needs a name");
        }
        if (kind != TargetKind.FIELD) {
            field = null;
        }
        if (kind != TargetKind.ATTRIBUTE) {
            attributeName = null;
        }
        if (format != null && format.isBlank()) {
            format = null;
        }
    }

    public static ColumnTarget field(ProfileField field) {
        return new ColumnTarget(TargetKind.FIELD, field, null, null);
    }

    public static ColumnTarget attribute(String name) {
        return new ColumnTarget(TargetKind.ATTRIBUTE, null, name.trim(), null);
    }

    public static ColumnTarget skip() {
        return new ColumnTarget(TargetKind.SKIP, null, null, null);
    }

    public ColumnTarget withFormat(String newFormat) {
        return new ColumnTarget(kind, field, attributeName, newFormat);
    }

    /** How the wizard and the CLI name this target: a field key, {@code attribute:NAME} or {@code skip}. */
    public String describe() {
        return switch (kind) {
            case FIELD -> field.key();
            case ATTRIBUTE -> "attribute:" + attributeName;
            case SKIP -> "skip";
        };
    }
}

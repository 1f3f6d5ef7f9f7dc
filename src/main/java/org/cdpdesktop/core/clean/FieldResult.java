package org.cdpdesktop.core.clean;

/**
 * One cleaned value.
 *
 * @param value   the cleaned value: {@code String}, {@code Integer}, {@code Double}, {@code List<String>},
 *                or {@code null} for a blank (or for an unusual value, see {@code unusual})
 * @param problem non-null when the row cannot be stored: the reason, for the rejects file
 * @param unusual non-null when the value could not be cleaned but the row is still stored: the value
 *                is not put in the field but kept as given in the custom attribute {@code invalid_<field>},
 *                and this says why (e.g. "age 150 is outside 0-120")
 */
public record FieldResult(Object value, String problem, String unusual) {

    private static final FieldResult BLANK = new FieldResult(null, null, null);

    public FieldResult(Object value, String problem) {
        this(value, problem, null);
    }

    public static FieldResult of(Object value) {
        return value == null ? BLANK : new FieldResult(value, null, null);
    }

    public static FieldResult blank() {
        return BLANK;
    }

    public static FieldResult rejected(String reason) {
        return new FieldResult(null, reason, null);
    }

    public static FieldResult unusual(String why) {
        return new FieldResult(null, null, why);
    }

    public boolean ok() {
        return problem == null;
    }

    public boolean isUnusual() {
        return unusual != null;
    }
}

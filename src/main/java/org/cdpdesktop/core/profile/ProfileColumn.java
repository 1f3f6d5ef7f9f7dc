package org.cdpdesktop.core.profile;

import java.util.Locale;
import java.util.Objects;

/**
 * A column of the profiles table, a sort key or an exported field: a {@link ProfileField} or a custom attribute.
 * Its {@link #id()} is how settings, the CLI's {@code --sort} and the GUI name it: a field key such as
 * {@code email}, or {@code attr:NAME} for the custom attribute NAME.
 */
public record ProfileColumn(ProfileField field, String attribute) {

    private static final String ATTRIBUTE_PREFIX = "attr:";

    public ProfileColumn {
        if ((field == null) == (attribute == null || attribute.isBlank())) {
            throw new IllegalArgumentException("A column is either a profile field or a custom attribute");
        }
    }

    public static ProfileColumn of(ProfileField field) {
        return new ProfileColumn(Objects.requireNonNull(field), null);
    }

    public static ProfileColumn attribute(String name) {
        return new ProfileColumn(null, name);
    }

    /** Parses a column id: a field key or column name ({@code postalCode}, {@code postal_code}) or {@code attr:NAME}. */
    public static ProfileColumn parse(String id) {
        String trimmed = id.trim();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith(ATTRIBUTE_PREFIX)) {
            String name = trimmed.substring(ATTRIBUTE_PREFIX.length());
            if (name.isBlank()) {
                throw new IllegalArgumentException("'" + id + "' names no custom attribute; write attr:NAME");
            }
            return attribute(name);
        }
        return ProfileField.byName(trimmed)
                .map(ProfileColumn::of)
                .orElseThrow(() -> new IllegalArgumentException("Unknown field '" + id + "'; use a profile field such as email, age, "
                        + "country, or attr:NAME for a custom attribute"));
    }

    public boolean isAttribute() {
        return field == null;
    }

    public String id() {
        return isAttribute() ? ATTRIBUTE_PREFIX + attribute : field.key();
    }

    public String label() {
        return isAttribute() ? attribute : field.label();
    }

    /** The value as tables, exports and the CLI show it, or {@code null} when the profile has none. */
    public String valueOf(Profile profile) {
        return isAttribute() ? profile.getAttributes().get(attribute) : profile.get(field);
    }

    /** The JSON path of the attribute inside {@code profile.attributes}, always passed as a bound parameter. */
    public String attributePath() {
        return "$.\"" + attribute.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public String toString() {
        return label();
    }
}

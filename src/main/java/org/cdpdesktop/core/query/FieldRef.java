package org.cdpdesktop.core.query;

import org.cdpdesktop.core.profile.ProfileField;

/**
 * What a leaf condition looks at. PROFILE: a {@link ProfileField} key such as {@code "country"}; ATTRIBUTE: a
 * custom attribute's name; INTEREST, COHORT, SEGMENT: no name. {@code profile(INTERESTS)} is {@link #interests()}.
 */
public record FieldRef(FieldKind kind, String name) {

    public FieldRef {
        if (kind == null) {
            throw new IllegalArgumentException("A field needs a kind");
        }
        switch (kind) {
            case PROFILE -> {
                String given = name;
                ProfileField field = ProfileField.byName(given == null ? "" : given)
                        .orElseThrow(() -> new IllegalArgumentException("Unknown profile field '" + given + "'"));
                if (field == ProfileField.INTERESTS) {
                    kind = FieldKind.INTEREST;
                    name = null;
                } else {
                    name = field.key();
                }
            }
            case ATTRIBUTE -> {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("A custom attribute needs a name");
                }
            }
            case INTEREST, COHORT, SEGMENT -> name = null;
        }
    }

    public static FieldRef profile(ProfileField field) {
        return new FieldRef(FieldKind.PROFILE, field.key());
    }

    public static FieldRef attribute(String name) {
        return new FieldRef(FieldKind.ATTRIBUTE, name);
    }

    public static FieldRef interests() {
        return new FieldRef(FieldKind.INTEREST, null);
    }

    public static FieldRef cohort() {
        return new FieldRef(FieldKind.COHORT, null);
    }

    public static FieldRef segment() {
        return new FieldRef(FieldKind.SEGMENT, null);
    }

    /** The profile field; only for kind PROFILE. */
    public ProfileField profileField() {
        if (kind != FieldKind.PROFILE) {
            throw new IllegalStateException(this + " is not a profile field");
        }
        return ProfileField.byName(name).orElseThrow();
    }

    public ValueType valueType() {
        return switch (kind) {
            case PROFILE -> switch (profileField().type()) {
                case INTEGER, DECIMAL -> ValueType.NUMBER;
                case DATE, TIMESTAMP -> ValueType.DATE;
                case TEXT -> ValueType.TEXT;
                case LIST -> ValueType.LIST;
            };
            case ATTRIBUTE -> ValueType.TEXT;
            case INTEREST -> ValueType.LIST;
            case COHORT -> ValueType.COHORT;
            case SEGMENT -> ValueType.SEGMENT;
        };
    }

    /** The name a person reads in the builder: "Country", "Interests", "loyalty_tier (attribute)". */
    public String label() {
        return switch (kind) {
            case PROFILE -> profileField().label();
            case ATTRIBUTE -> name + " (attribute)";
            case INTEREST -> "Interests";
            case COHORT -> "Cohort";
            case SEGMENT -> "Segment";
        };
    }
}

package org.cdpdesktop.core.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The profile fields every door speaks of: import mapping, table columns, filters, segment rules and
 * exports all name fields by {@link #key()}, and the store maps them to {@link #column()}.
 */
public enum ProfileField {
    EXTERNAL_ID("externalId", "external_id", "External ID", FieldType.TEXT),
    EMAIL("email", "email", "Email", FieldType.TEXT),
    PHONE("phone", "phone", "Phone", FieldType.TEXT),
    FIRST_NAME("firstName", "first_name", "First name", FieldType.TEXT),
    LAST_NAME("lastName", "last_name", "Last name", FieldType.TEXT),
    AGE("age", "age", "Age", FieldType.INTEGER),
    GENDER("gender", "gender", "Gender", FieldType.TEXT),
    CITY("city", "city", "City", FieldType.TEXT),
    STATE("state", "state", "State", FieldType.TEXT),
    COUNTRY("country", "country", "Country", FieldType.TEXT),
    POSTAL_CODE("postalCode", "postal_code", "Postal code", FieldType.TEXT),
    INCOME("income", "income", "Income", FieldType.DECIMAL),
    EDUCATION("education", "education", "Education", FieldType.TEXT),
    INTERESTS("interests", "interests", "Interests", FieldType.LIST),
    BIO("bio", "bio", "Bio", FieldType.TEXT),
    SIGNUP_DATE("signupDate", "signup_date", "Signup date", FieldType.DATE),
    CREATED_AT("createdAt", "created_at", "Created", FieldType.TIMESTAMP),
    UPDATED_AT("updatedAt", "updated_at", "Updated", FieldType.TIMESTAMP);

    public enum FieldType { TEXT, INTEGER, DECIMAL, DATE, TIMESTAMP, LIST }

    private final String key;
    private final String column;
    private final String label;
    private final FieldType type;

    ProfileField(String key, String column, String label, FieldType type) {
        this.key = key;
        this.column = column;
        this.label = label;
        this.type = type;
    }

    public String key() {
        return key;
    }

    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    public FieldType type() {
        return type;
    }

    /** Timestamps are kept by the store; every other field can come from an import. */
    public boolean importable() {
        return type != FieldType.TIMESTAMP;
    }

    /** Finds a field by its key or column name, ignoring case: {@code postalCode} and {@code postal_code} both work. */
    public static Optional<ProfileField> byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(field -> field.key.toLowerCase(Locale.ROOT).equals(wanted) || field.column.equals(wanted))
                .findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}

package org.cdpdesktop.core.stream;

/** How the values of a topic's messages are written. */
public enum MessageFormat {
    /** A JSON object with the old service's field names ({@code cookie}, {@code phone_number}...), mapped by name. */
    LEGACY_JSON("JSON, old service's names"),
    /** A JSON object as CDP Desktop writes a profile ({@code ProfileMapping}): field keys, custom attributes under {@code attributes}. */
    PROFILE_JSON("JSON, CDP Desktop's names"),
    /** One CSV line per message, its columns named and mapped by a saved import preset. */
    CSV_LINE("CSV line, named by a preset");

    private final String label;

    MessageFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}

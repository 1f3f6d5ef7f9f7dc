package org.cdpdesktop.core.export;

import java.util.Locale;

/** How profiles are written out: CSV (one column per field and per custom attribute) or a JSON array. */
public enum ExportFormat {
    CSV, JSON;

    public static ExportFormat fromWord(String word) {
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown export format '" + word + "'; use csv or json", e);
        }
    }
}

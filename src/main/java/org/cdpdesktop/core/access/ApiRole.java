package org.cdpdesktop.core.access;

import java.util.Locale;

/** What a REST API key may do: a viewer reads; an admin also writes, trains and deletes. */
public enum ApiRole {
    VIEWER, ADMIN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayWrite() {
        return this == ADMIN;
    }

    public static ApiRole parse(String text) {
        for (ApiRole role : values()) {
            if (role.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + text + "': use admin or viewer");
    }
}

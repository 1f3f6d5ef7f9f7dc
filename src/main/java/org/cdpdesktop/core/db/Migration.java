package org.cdpdesktop.core.db;

/** One forward-only schema step; its SQL lives in {@code db/migration/V<version>__<name>.sql}. */
public record Migration(int version, String name) {

    public String resource() {
        return String.format("/org/cdpdesktop/db/migration/V%03d__%s.sql", version, name);
    }
}

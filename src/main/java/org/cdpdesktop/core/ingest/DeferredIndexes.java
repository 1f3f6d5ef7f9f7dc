package org.cdpdesktop.core.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cdpdesktop.core.db.LargeSorts;
import org.cdpdesktop.core.db.PendingIndexes;

/**
 * A file that outgrows the store is cheaper to index once at the end than row by row: the profile table's indexes are
 * dropped, and so is the trigger that writes each new profile's interest rows (per-row trigger programs cost more than
 * the inserts themselves). {@link #restore} puts the trigger and the unique indexes back in the same transaction
 * (rebuilding a unique index is then a last check that no identity was stored twice) and leaves the indexes that only
 * speed up filters and sorts to {@link PendingIndexes}, built after the commit.
 */
final class DeferredIndexes {

    /** Indexing once at the end beats updating the indexes row by row when the file outgrows the store. */
    static final long FROM_BYTES = 8L << 20;
    private static final String INTEREST_TRIGGER = "profile_interest_insert";

    private final Connection connection;
    private final long maxIdBefore;
    private final ImportPhases phases;
    private final List<Dropped> dropped = new ArrayList<>();

    /** {@code maxIdBefore}: the highest profile id before the import, above which {@link #restore} writes interest rows. */
    DeferredIndexes(Connection connection, long maxIdBefore) {
        this(connection, maxIdBefore, new ImportPhases());
    }

    /** As above, recording how long the interest rows and the index builds take in {@code phases}. */
    DeferredIndexes(Connection connection, long maxIdBefore, ImportPhases phases) {
        this.connection = connection;
        this.maxIdBefore = maxIdBefore;
        this.phases = phases;
    }

    /** Whether a source of {@code sourceBytes} outgrows a store whose highest profile id is {@code maxIdBefore}. */
    static boolean worthDeferring(long sourceBytes, long maxIdBefore) {
        return sourceBytes >= FROM_BYTES && sourceBytes / 100 >= maxIdBefore;
    }

    /** Drops the profile table's indexes and its interest trigger, remembering how to recreate them. */
    void drop() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            List<Dropped> objects = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'profile'"
                    + " AND sql IS NOT NULL AND (type = 'index' OR type = 'trigger' AND name = '" + INTEREST_TRIGGER + "')")) {
                while (result.next()) {
                    objects.add(new Dropped(result.getString(1), result.getString(2), result.getString(3)));
                }
            }
            for (Dropped object : objects) {
                statement.executeUpdate("DROP " + object.type().toUpperCase(Locale.ROOT) + " \"" + object.name().replace("\"", "\"\"") + "\"");
                dropped.add(object);
            }
        }
    }

    /** An index or trigger of the profile table, as {@code sqlite_master} describes it. */
    private record Dropped(String type, String name, String sql) {

        /** Only a filter or sort index can wait until after the commit: a unique one guards identities, a trigger data. */
        boolean canWait() {
            return type.equals("index") && !sql.regionMatches(true, 0, "CREATE UNIQUE", 0, "CREATE UNIQUE".length());
        }
    }

    /** Whether {@link #drop} removed anything that {@link #restore} must put back. */
    boolean deferred() {
        return !dropped.isEmpty();
    }

    /**
     * Writes the interest rows of every profile inserted since the drop in one set-based statement, then recreates the
     * trigger and the unique indexes, and records the others as {@link PendingIndexes}. Profiles merged into within the
     * import already have some rows (the update trigger wrote them), hence OR IGNORE. The index builds run under
     * {@link LargeSorts}.
     */
    void restore() throws SQLException {
        if (dropped.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try (PreparedStatement interests = connection.prepareStatement("INSERT OR IGNORE INTO profile_interest(interest, profile_id)"
                + " SELECT j.value, p.id FROM profile p, json_each(p.interests) j WHERE p.id > ?")) {
            interests.setLong(1, maxIdBefore);
            interests.executeUpdate();
        }
        phases.add("interests", System.nanoTime() - started);
        started = System.nanoTime();
        LargeSorts.run(connection, sorting -> {
            try (Statement statement = sorting.createStatement()) {
                for (Dropped object : dropped) {
                    if (object.canWait()) {
                        PendingIndexes.defer(sorting, object.name(), object.sql());
                    } else {
                        statement.executeUpdate(object.sql());
                    }
                }
            }
            return null;
        });
        phases.add("uniqueIndexes", System.nanoTime() - started);
        dropped.clear();
    }
}

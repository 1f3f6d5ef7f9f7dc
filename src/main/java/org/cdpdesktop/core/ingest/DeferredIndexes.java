package org.cdpdesktop.core.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cdpdesktop.core.db.LargeSorts;

/**
 * A file that outgrows the store is cheaper to index once at the end than row by row: the profile table's indexes are
 * dropped, and so are the triggers that write each new or updated profile's interest rows (per-row trigger programs
 * cost more than the inserts and updates themselves). {@link #restore} puts both back in the same transaction and
 * writes the interest rows the triggers would have written; rebuilding a unique index is then a last check that no
 * identity was stored twice.
 */
final class DeferredIndexes {

    /** Indexing once at the end beats updating the indexes row by row when the file outgrows the store. */
    static final long FROM_BYTES = 8L << 20;
    private static final String INSERT_TRIGGER = "profile_interest_insert";
    private static final String UPDATE_TRIGGER = "profile_interest_update";
    /** The interests each stored profile had before the import first changed them, written while the update trigger is away. */
    private static final String BEFORE = "temp.import_interests_before";

    private final Connection connection;
    private final long maxIdBefore;
    private final ImportPhases phases;
    private final List<String> dropped = new ArrayList<>();
    private boolean updateTriggerDropped;

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

    /** Drops the profile table's indexes and its insert and update interest triggers, remembering how to recreate them. */
    void drop() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            Map<String, String> objects = new LinkedHashMap<>();
            try (ResultSet result = statement.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'profile'"
                    + " AND sql IS NOT NULL AND (type = 'index' OR type = 'trigger' AND name IN ('" + INSERT_TRIGGER + "', '"
                    + UPDATE_TRIGGER + "'))")) {
                while (result.next()) {
                    objects.put("DROP " + result.getString(1).toUpperCase(Locale.ROOT) + " \"" + result.getString(2).replace("\"", "\"\"")
                            + "\"", result.getString(3));
                    updateTriggerDropped |= result.getString(2).equals(UPDATE_TRIGGER);
                }
            }
            for (Map.Entry<String, String> object : objects.entrySet()) {
                statement.executeUpdate(object.getKey());
                dropped.add(object.getValue());
            }
            if (updateTriggerDropped) {
                statement.executeUpdate("CREATE TEMP TABLE import_interests_before(id INTEGER PRIMARY KEY, interests TEXT NOT NULL)");
            }
        }
    }

    /**
     * Called before loaded profiles have their interests changed: remembers the interests each had before its first
     * change in this import, so that {@link #restore} can do what the update trigger would have done. Does nothing
     * while the trigger is in place.
     */
    void interestsChanging(List<Draft> stored) throws SQLException {
        if (!updateTriggerDropped || stored.isEmpty()) {
            return;
        }
        try (PreparedStatement before = connection.prepareStatement("INSERT OR IGNORE INTO " + BEFORE + "(id, interests) VALUES (?, ?)")) {
            for (Draft draft : stored) {
                // A profile this import created gets all its rows from the insert in restore().
                if (draft.id <= maxIdBefore) {
                    before.setLong(1, draft.id);
                    before.setString(2, draft.storedInterestsJson);
                    before.addBatch();
                }
            }
            before.executeBatch();
        }
    }

    /** Whether {@link #drop} removed anything that {@link #restore} must put back. */
    boolean deferred() {
        return !dropped.isEmpty();
    }

    /**
     * Writes the interest rows of every profile inserted since the drop in one set-based statement, rewrites those of
     * the stored profiles whose interests changed as the update trigger would have (their rows before the change out,
     * their rows now in: a profile merged away meanwhile has none), then recreates the triggers and the indexes.
     * Profiles merged into within the import may already have some rows, hence OR IGNORE. The index builds run under
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
        if (updateTriggerDropped) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM profile_interest WHERE (interest, profile_id) IN"
                        + " (SELECT j.value, b.id FROM " + BEFORE + " b, json_each(b.interests) j)");
                statement.executeUpdate("INSERT OR IGNORE INTO profile_interest(interest, profile_id)"
                        + " SELECT j.value, p.id FROM " + BEFORE + " b JOIN profile p ON p.id = b.id, json_each(p.interests) j");
                statement.executeUpdate("DROP TABLE " + BEFORE);
            }
            updateTriggerDropped = false;
        }
        phases.add("interests", System.nanoTime() - started);
        started = System.nanoTime();
        LargeSorts.run(connection, sorting -> {
            try (Statement statement = sorting.createStatement()) {
                for (String sql : dropped) {
                    statement.executeUpdate(sql);
                }
            }
            return null;
        });
        phases.add("indexes", System.nanoTime() - started);
        dropped.clear();
    }
}

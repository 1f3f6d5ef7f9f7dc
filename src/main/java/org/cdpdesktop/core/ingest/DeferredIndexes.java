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
 * What an import through the pipeline suspends while it writes. Always the triggers that write each new or updated
 * profile's interest rows: per-row trigger programs cost more than the inserts and updates themselves, and the update
 * trigger deletes and re-inserts every interest row of each updated profile. Meanwhile an updated stored profile gets
 * only the rows of the interests the import added ({@link #interestsAdded}). A file that outgrows the store is also
 * cheaper to index once at the end than row by row, so then the profile table's indexes are dropped too. {@link #restore}
 * writes the interest rows of the new profiles, then puts the triggers and the unique indexes back in the same
 * transaction (rebuilding a unique index is then a last check that no identity was stored twice) and leaves the
 * indexes that only speed up filters and sorts to {@link PendingIndexes}, built after the commit.
 */
final class DeferredIndexes {

    /** Indexing once at the end beats updating the indexes row by row when the file outgrows the store. */
    static final long FROM_BYTES = 8L << 20;
    private static final String INSERT_TRIGGER = "profile_interest_insert";
    private static final String UPDATE_TRIGGER = "profile_interest_update";

    private final Connection connection;
    private final long maxIdBefore;
    private final ImportPhases phases;
    private final List<Dropped> dropped = new ArrayList<>();
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

    /**
     * Drops the profile table's insert and update interest triggers and, when {@code indexesToo} (the source outgrows
     * the store, see {@link #worthDeferring}), its indexes, remembering how to recreate them. Every import through the
     * pipeline drops the triggers, whatever its size: a stream batch of updates pays for the update trigger's
     * delete-and-reinsert as a large file does.
     */
    void drop(boolean indexesToo) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            List<Dropped> objects = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'profile'"
                    + " AND sql IS NOT NULL AND (type = 'index' AND " + indexesToo + " OR type = 'trigger' AND name IN ('"
                    + INSERT_TRIGGER + "', '" + UPDATE_TRIGGER + "'))")) {
                while (result.next()) {
                    objects.add(new Dropped(result.getString(1), result.getString(2), result.getString(3)));
                }
            }
            for (Dropped object : objects) {
                statement.executeUpdate("DROP " + object.type().toUpperCase(Locale.ROOT) + " \"" + object.name().replace("\"", "\"\"") + "\"");
                dropped.add(object);
                updateTriggerDropped |= object.name().equals(UPDATE_TRIGGER);
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

    /**
     * Writes the interest rows of the interests that profiles loaded from the store gained since they were loaded, what
     * the update trigger would have added; it would have deleted none, since an import only ever adds interests to a
     * profile. Profiles created by this import are left to {@link #restore}. Does nothing while the trigger is in place.
     */
    void interestsAdded(List<Draft> written) throws SQLException {
        if (!updateTriggerDropped) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO profile_interest(interest, profile_id)"
                + " VALUES (?, ?)")) {
            boolean any = false;
            for (Draft draft : written) {
                if (draft.id <= maxIdBefore && draft.interests.size() > draft.storedInterests) {
                    int position = 0;
                    for (String interest : draft.interests) {
                        if (position++ >= draft.storedInterests) {
                            insert.setString(1, interest);
                            insert.setLong(2, draft.id);
                            insert.addBatch();
                            any = true;
                        }
                    }
                }
                draft.storedInterests = draft.interests.size();
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }

    /** Whether {@link #drop} removed indexes that {@link #restore} builds or leaves pending. */
    boolean indexesDropped() {
        return dropped.stream().anyMatch(object -> object.type().equals("index"));
    }

    /**
     * Writes the interest rows of every profile inserted since the drop in one set-based statement, then recreates the
     * triggers and the unique indexes, and records the others as {@link PendingIndexes}. The index builds run under
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
        updateTriggerDropped = false;
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

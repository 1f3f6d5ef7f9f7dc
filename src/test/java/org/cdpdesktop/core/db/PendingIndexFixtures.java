package org.cdpdesktop.core.db;

import java.sql.ResultSet;
import java.sql.Statement;

/** Stores as a bulk import leaves them when its filter-index build was cut short. */
public final class PendingIndexFixtures {

    private PendingIndexFixtures() {
    }

    /** Drops the named indexes and records them as pending, in one transaction, as a bulk import does. */
    public static void leavePending(Database database, String... indexNames) {
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String name : indexNames) {
                    String sql;
                    try (ResultSet definition = statement.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '"
                            + name + "'")) {
                        definition.next();
                        sql = definition.getString(1);
                    }
                    statement.executeUpdate("DROP INDEX " + name);
                    PendingIndexes.defer(connection, name, sql);
                }
            }
            return null;
        });
    }

    /** Whether the store holds an index of that name. */
    public static boolean indexExists(Database database, String name) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '" + name + "'")) {
                return result.next() && result.getLong(1) == 1;
            }
        });
    }
}

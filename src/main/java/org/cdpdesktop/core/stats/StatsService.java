package org.cdpdesktop.core.stats;

import java.sql.Connection;
import java.sql.SQLException;
import org.cdpdesktop.core.db.Database;

/** Counts for the status bar, the dashboard and the {@code stats} command. */
public final class StatsService {

    private final Database database;

    public StatsService(Database database) {
        this.database = database;
    }

    public Stats stats() {
        return database.read(connection -> new Stats(
                count(connection, "profile"),
                count(connection, "segment"),
                count(connection, "model"),
                lastImport(connection)));
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Stats.LastImport lastImport(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("""
                     SELECT file_name, finished_at, status, read_count, inserted, updated, duplicates, rejected
                     FROM import_batch ORDER BY started_at DESC, id DESC LIMIT 1""")) {
            if (!result.next()) {
                return null;
            }
            return new Stats.LastImport(result.getString(1), result.getString(2), result.getString(3),
                    result.getLong(4), result.getLong(5), result.getLong(6), result.getLong(7), result.getLong(8));
        }
    }
}

package org.cdpdesktop.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered schema history. The database's {@code PRAGMA user_version} says which steps it has had;
 * each missing step runs in its own transaction, so a failed step leaves the previous version intact.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /**
     * Append only: a released step is never edited, a change is a new step. Version numbers are handed out to changes
     * before they land, so the list has gaps: 2 was reserved for a change that never shipped. A gap is harmless, since
     * steps run in the order of their numbers and {@code user_version} only grows, and a number once handed out is
     * never reused, so no database can claim a version whose script differs from ours.
     */
    public static final List<Migration> ALL = List.of(
            new Migration(1, "initial_schema"),
            new Migration(3, "profile_filter_indexes"),
            new Migration(4, "segments_starter"),
            new Migration(5, "inserted_by_batch"),
            new Migration(6, "predicted_cohorts_beside_imported"),
            new Migration(7, "api_keys"),
            new Migration(8, "dead_letters"),
            new Migration(11, "created_without_signup_index"),
            new Migration(16, "segment_lookalike"),
            new Migration(18, "snapshot_basis"),
            new Migration(19, "pending_index"));

    private Migrations() {
    }

    public static int latestVersion() {
        return ALL.get(ALL.size() - 1).version();
    }

    public static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    /** Brings the schema up to {@code target}; refuses a database written by a newer CDP Desktop. */
    public static void migrate(Connection connection, int target) throws SQLException {
        int current = currentVersion(connection);
        if (current > latestVersion()) {
            throw new StoreException("This database has schema version " + current
                    + " but this CDP Desktop knows only up to " + latestVersion() + ". Open it with a newer CDP Desktop.");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (Migration migration : ALL) {
                if (migration.version() <= current || migration.version() > target) {
                    continue;
                }
                apply(connection, migration);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void apply(Connection connection, Migration migration) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(script(migration));
            statement.executeUpdate("PRAGMA user_version = " + migration.version());
            try (var insert = connection.prepareStatement(
                    "INSERT INTO schema_history(version, name, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, migration.version());
                insert.setString(2, migration.name());
                insert.setString(3, Instant.now().toString());
                insert.executeUpdate();
            }
            connection.commit();
            LOG.info("Database schema migrated to version {} ({})", migration.version(), migration.name());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw new StoreException("Could not upgrade the database to schema version " + migration.version()
                    + ": " + e.getMessage(), e);
        }
    }

    private static String script(Migration migration) {
        try (InputStream in = Migrations.class.getResourceAsStream(migration.resource())) {
            if (in == null) {
                throw new IllegalStateException("Missing migration script " + migration.resource());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.cdpdesktop.core.db;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes that only speed up filters and sorts, which a bulk import builds after its commit instead of inside it, so
 * its profiles can be browsed seconds sooner (a minute sooner for ten million rows). Until they are built every query
 * still answers, only slower. Which ones are still to build is kept in the store, recorded in the transaction that
 * dropped them, so a build cut short by closing the app or killing the process is resumed the next time the store is
 * opened; each index is built and struck off in one transaction of its own, so the store never holds half of one.
 */
public final class PendingIndexes {

    /** What may be stored and later run: a plain index on one table, as SQLite reports its own schema. */
    private static final Pattern INDEX_SQL = Pattern.compile("(?is)CREATE INDEX \"?(\\w+)\"? ON \"?(\\w+)\"?\\s*\\((.+)\\)(\\s+WHERE .+)?");

    private static final Logger LOG = LoggerFactory.getLogger(PendingIndexes.class);

    private final Database database;

    public PendingIndexes(Database database) {
        this.database = database;
    }

    /**
     * Records, in the caller's transaction, that the index {@code name} defined by {@code sql} (as {@code sqlite_master}
     * holds it) was dropped and is to be built again after the commit.
     */
    public static void defer(Connection connection, String name, String sql) throws SQLException {
        if (!INDEX_SQL.matcher(sql).matches()) {
            throw new IllegalArgumentException("Not an index definition: " + sql);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO pending_index(name, sql) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, sql);
            insert.executeUpdate();
        }
    }

    /** The indexes still to build, by name. */
    public List<String> names() {
        return database.read(connection -> new ArrayList<>(pending(connection).keySet()));
    }

    /**
     * Builds every pending index, one transaction each, so that imports, edits and snapshots can write between two of
     * them; progress counts the profile rows indexed. A cancel takes effect between two indexes, and the rest stay
     * pending for the next time the store is opened.
     */
    public Job<Integer> buildJob() {
        return new Job<>() {
            @Override
            public String title() {
                return "Building filter indexes";
            }

            @Override
            public Integer run(JobContext context) {
                long started = System.nanoTime();
                Map<String, String> pending = database.read(PendingIndexes::pending);
                long rows = database.read(connection -> count(connection, "SELECT count(*) FROM profile"));
                int built = 0;
                for (Map.Entry<String, String> index : pending.entrySet()) {
                    context.throwIfCancelled();
                    context.message("Indexing " + columns(index.getValue()) + " (" + (built + 1) + " of " + pending.size() + ")");
                    database.write(connection -> build(connection, index.getKey(), index.getValue()));
                    built++;
                    context.progress(built * rows, pending.size() * rows, context.latest().message());
                }
                LOG.info("Built {} filter indexes over {} profiles: filterIndexes={}s", built, rows,
                        String.format(Locale.ROOT, "%.3f", (System.nanoTime() - started) / 1e9));
                return built;
            }
        };
    }

    private static Void build(Connection connection, String name, String sql) throws SQLException {
        if (!INDEX_SQL.matcher(sql).matches()) {
            throw new StoreException("The store's list of indexes to build holds something else: " + sql);
        }
        boolean exists;
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?")) {
            query.setString(1, name);
            try (ResultSet found = query.executeQuery()) {
                exists = found.next();
            }
        }
        if (!exists) {
            LargeSorts.run(connection, sorting -> {
                try (Statement statement = sorting.createStatement()) {
                    statement.executeUpdate(sql);
                }
                return null;
            });
        }
        try (PreparedStatement done = connection.prepareStatement("DELETE FROM pending_index WHERE name = ?")) {
            done.setString(1, name);
            done.executeUpdate();
        }
        return null;
    }

    private static Map<String, String> pending(Connection connection) throws SQLException {
        Map<String, String> pending = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, sql FROM pending_index ORDER BY name")) {
            while (rows.next()) {
                pending.put(rows.getString(1), rows.getString(2));
            }
        }
        return pending;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    /** The indexed columns as a person reads them: {@code country, age} for {@code (country COLLATE NOCASE, age)}. */
    static String columns(String sql) {
        Matcher matcher = INDEX_SQL.matcher(sql);
        if (!matcher.matches()) {
            return "profiles";
        }
        return matcher.group(3).replaceAll("(?i)\\s+COLLATE\\s+\\w+", "").replaceAll("\\s*,\\s*", ", ").replace("\"", "").trim()
                .replace('_', ' ');
    }
}

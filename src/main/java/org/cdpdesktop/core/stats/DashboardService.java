package org.cdpdesktop.core.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cdpdesktop.core.db.Database;

/** Reads the dashboard's figures; every query is a grouped scan of one index, none reads the profile rows. */
public final class DashboardService {

    static final int TOP_INTERESTS = 10;
    static final int TOP_COUNTRIES = 12;
    static final int RECENT_IMPORTS = 5;
    /** The age bands marketers use; the first and last are open-ended. */
    static final int[][] AGE_BANDS = {{0, 17}, {18, 24}, {25, 34}, {35, 44}, {45, 54}, {55, 64}, {65, 120}};

    private final Database database;

    public DashboardService(Database database) {
        this.database = database;
    }

    public Dashboard dashboard(Dashboard.Period period) {
        return database.read(connection -> new Dashboard(
                single(connection, "SELECT count(*) FROM profile"),
                period,
                newProfiles(connection, period),
                counts(connection, "SELECT cohort, count(*) FROM profile_cohort GROUP BY cohort COLLATE NOCASE ORDER BY cohort COLLATE NOCASE"),
                counts(connection, """
                        SELECT s.name, (SELECT count(*) FROM segment_member m WHERE m.segment_id = s.id) FROM segment s
                        ORDER BY s.name COLLATE NOCASE"""),
                counts(connection, "SELECT interest, count(*) AS n FROM profile_interest GROUP BY interest ORDER BY n DESC, interest LIMIT "
                        + TOP_INTERESTS),
                counts(connection, "SELECT country, count(*) AS n FROM profile WHERE country IS NOT NULL GROUP BY country COLLATE NOCASE"
                        + " ORDER BY n DESC, country LIMIT " + TOP_COUNTRIES),
                ages(connection),
                recentImports(connection),
                model(connection)));
    }

    /** Buckets are labelled as they sort: {@code 2025-03-14}, {@code 2025-W11}, {@code 2025-03}. */
    private static List<Dashboard.Count> newProfiles(Connection connection, Dashboard.Period period) throws SQLException {
        String bucket = switch (period) {
            case DAY -> "substr(created_at, 1, 10)";
            case WEEK -> "strftime('%Y-W%W', substr(created_at, 1, 10))";
            case MONTH -> "substr(created_at, 1, 7)";
        };
        return counts(connection, "SELECT " + bucket + " AS bucket, count(*) FROM profile GROUP BY bucket ORDER BY bucket");
    }

    private static List<Dashboard.AgeBand> ages(Connection connection) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT");
        for (int i = 0; i < AGE_BANDS.length; i++) {
            sql.append(i == 0 ? " " : ", ").append("count(*) FILTER (WHERE age BETWEEN ? AND ?)");
        }
        sql.append(" FROM profile WHERE age IS NOT NULL");
        List<Dashboard.AgeBand> bands = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < AGE_BANDS.length; i++) {
                statement.setInt(2 * i + 1, AGE_BANDS[i][0]);
                statement.setInt(2 * i + 2, AGE_BANDS[i][1]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                for (int i = 0; i < AGE_BANDS.length; i++) {
                    bands.add(ageBand(AGE_BANDS[i], i == 0, i == AGE_BANDS.length - 1, result.getLong(i + 1)));
                }
            }
        }
        return bands;
    }

    private static Dashboard.AgeBand ageBand(int[] band, boolean first, boolean last, long count) {
        if (first) {
            return new Dashboard.AgeBand("under " + (band[1] + 1), null, band[1], count);
        }
        if (last) {
            return new Dashboard.AgeBand(band[0] + "+", band[0], null, count);
        }
        return new Dashboard.AgeBand(band[0] + "–" + band[1], band[0], band[1], count);
    }

    private static List<Stats.LastImport> recentImports(Connection connection) throws SQLException {
        List<Stats.LastImport> imports = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT file_name, finished_at, status, read_count, inserted, updated, duplicates, rejected
                FROM import_batch ORDER BY started_at DESC, id DESC LIMIT ?""")) {
            statement.setInt(1, RECENT_IMPORTS);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    imports.add(new Stats.LastImport(result.getString(1), result.getString(2), result.getString(3),
                            result.getLong(4), result.getLong(5), result.getLong(6), result.getLong(7), result.getLong(8)));
                }
            }
        }
        return imports;
    }

    private static Dashboard.ModelStatus model(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT version, name, algorithm, created_at FROM model WHERE active = 1 ORDER BY created_at DESC LIMIT 1");
             ResultSet result = statement.executeQuery()) {
            return result.next() ? new Dashboard.ModelStatus(result.getString(1), result.getString(2), result.getString(3), result.getString(4)) : null;
        }
    }

    private static List<Dashboard.Count> counts(Connection connection, String sql) throws SQLException {
        List<Dashboard.Count> counts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                counts.add(new Dashboard.Count(result.getString(1), result.getLong(2)));
            }
        }
        return Collections.unmodifiableList(counts);
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}

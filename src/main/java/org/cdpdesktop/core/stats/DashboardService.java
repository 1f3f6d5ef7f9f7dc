package org.cdpdesktop.core.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cdpdesktop.core.db.Database;

/** Reads the dashboard's figures; every query reads one index, none reads the profile rows. */
public final class DashboardService {

    static final int TOP_INTERESTS = 10;
    static final int TOP_COUNTRIES = 12;
    static final int RECENT_IMPORTS = 5;
    /** How far back the new-profiles chart goes: a quarter by day, two years by week, ten years by month. */
    static final Map<Dashboard.Period, Integer> PERIODS_SHOWN = Map.of(
            Dashboard.Period.DAY, 90, Dashboard.Period.WEEK, 104, Dashboard.Period.MONTH, 120);
    /** The age bands marketers use; the first and last are open-ended. Segment insights compare members by them too. */
    public static final int[][] AGE_BANDS = {{0, 17}, {18, 24}, {25, 34}, {35, 44}, {45, 54}, {55, 64}, {65, 120}};

    /**
     * The profiles without a signup date, read through their partial index. Named, because SQLite would otherwise look
     * up "signup_date IS NULL" in profile_signup and read every such row: 0.4 s for each period of the chart on a
     * million profiles with 12% of them without a signup date, against 30 ms for all periods through this index.
     */
    private static final String WITHOUT_SIGNUP = "INDEXED BY profile_created_without_signup WHERE signup_date IS NULL";

    private final Database database;

    public DashboardService(Database database) {
        this.database = database;
    }

    public Dashboard dashboard(Dashboard.Period period) {
        return database.read(connection -> new Dashboard(
                single(connection, "SELECT count(*) FROM profile"),
                period,
                newProfiles(connection, period),
                // Imported and predicted cohorts only: a lookalike's members are listed as its segment (decision 12).
                counts(connection, "SELECT min(cohort), count(DISTINCT profile_id) FROM profile_cohort WHERE source <> 'lookalike'"
                        + " GROUP BY cohort COLLATE NOCASE ORDER BY 1 COLLATE NOCASE"),
                counts(connection, """
                        SELECT s.name, (SELECT count(*) FROM segment_member m WHERE m.segment_id = s.id) AS n FROM segment s
                        ORDER BY n DESC, s.name COLLATE NOCASE"""),
                counts(connection, "SELECT interest, count(*) AS n FROM profile_interest GROUP BY interest ORDER BY n DESC, interest LIMIT "
                        + TOP_INTERESTS),
                counts(connection, "SELECT country, count(*) AS n FROM profile WHERE country IS NOT NULL GROUP BY country COLLATE NOCASE"
                        + " ORDER BY n DESC, country LIMIT " + TOP_COUNTRIES),
                ages(connection),
                recentImports(connection),
                model(connection)));
    }

    /**
     * Counts the sign-ups of each period, newest period last: a profile counts on its own signup date, or, without one,
     * on the day it entered the store. Each period is two range counts on indexes ({@code signup_date}, and
     * {@code created_at} of the profiles without a signup date); grouping by a day computed from every row took over a
     * second on a million profiles.
     */
    private static List<Dashboard.Bucket> newProfiles(Connection connection, Dashboard.Period period) throws SQLException {
        String first = earliest(text(connection, "SELECT min(signup_date) FROM profile"),
                text(connection, "SELECT min(created_at) FROM profile " + WITHOUT_SIGNUP));
        String last = latest(text(connection, "SELECT max(signup_date) FROM profile"),
                text(connection, "SELECT max(created_at) FROM profile " + WITHOUT_SIGNUP));
        if (first == null || last == null) {
            return List.of();
        }
        LocalDate newest = start(LocalDate.parse(last.substring(0, 10)), period);
        LocalDate oldest = start(LocalDate.parse(first.substring(0, 10)), period);
        LocalDate from = newest.minus(PERIODS_SHOWN.get(period) - 1L, unit(period));
        if (from.isBefore(oldest)) {
            from = oldest;
        }
        List<Dashboard.Bucket> buckets = new ArrayList<>();
        try (PreparedStatement signedUp = connection.prepareStatement("SELECT count(*) FROM profile WHERE signup_date >= ? AND signup_date < ?");
             PreparedStatement created = connection.prepareStatement(
                     "SELECT count(*) FROM profile " + WITHOUT_SIGNUP + " AND created_at >= ? AND created_at < ?")) {
            for (LocalDate start = from; !start.isAfter(newest); start = start.plus(1, unit(period))) {
                LocalDate next = start.plus(1, unit(period));
                long count = rangeCount(signedUp, start, next) + rangeCount(created, start, next);
                buckets.add(new Dashboard.Bucket(label(start, period), start.toString(), next.minusDays(1).toString(), count));
            }
        }
        return buckets;
    }

    private static long rangeCount(PreparedStatement count, LocalDate from, LocalDate until) throws SQLException {
        count.setString(1, from.toString());
        count.setString(2, until.toString());
        try (ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String earliest(String a, String b) {
        return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private static String latest(String a, String b) {
        return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static LocalDate start(LocalDate day, Dashboard.Period period) {
        return switch (period) {
            case DAY -> day;
            case WEEK -> day.with(ChronoField.DAY_OF_WEEK, 1);
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static ChronoUnit unit(Dashboard.Period period) {
        return switch (period) {
            case DAY -> ChronoUnit.DAYS;
            case WEEK -> ChronoUnit.WEEKS;
            case MONTH -> ChronoUnit.MONTHS;
        };
    }

    /** Labels sort as their periods do: {@code 2025-03-14}, {@code 2025-W11}, {@code 2025-03}. */
    private static String label(LocalDate start, Dashboard.Period period) {
        return switch (period) {
            case DAY -> start.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.toString().substring(0, 7);
        };
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getString(1) : null;
        }
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
        String label = ageBandLabel(band, first, last);
        if (first) {
            return new Dashboard.AgeBand(label, null, band[1], count);
        }
        if (last) {
            return new Dashboard.AgeBand(label, band[0], null, count);
        }
        return new Dashboard.AgeBand(label, band[0], band[1], count);
    }

    /** "under 18", "25–34", "65+": the first and last bands are open-ended. */
    public static String ageBandLabel(int[] band, boolean first, boolean last) {
        if (first) {
            return "under " + (band[1] + 1);
        }
        return last ? band[0] + "+" : band[0] + "–" + band[1];
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

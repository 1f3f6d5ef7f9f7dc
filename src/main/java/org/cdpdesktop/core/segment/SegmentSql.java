package org.cdpdesktop.core.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cdpdesktop.core.db.StoreException;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.ConditionSql;
import org.cdpdesktop.core.query.FieldKind;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.Group;
import org.cdpdesktop.core.query.GroupKind;
import org.cdpdesktop.core.query.Leaf;
import org.cdpdesktop.core.query.Not;
import org.cdpdesktop.core.query.Operator;
import org.cdpdesktop.core.query.RuleSyntaxException;
import org.cdpdesktop.core.query.SegmentRules;
import org.cdpdesktop.core.query.SqlFragment;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Evaluating segments in SQL: rules translated with every referenced segment's live rule inlined, counts, member ids,
 * and the one table scan that tests many segments at once.
 */
final class SegmentSql {

    private static final int MASK_BITS = 62;

    private SegmentSql() {
    }

    /** A segment's membership as a condition, so that its own name is on the cycle-detection path. */
    static Condition membership(Segment segment) {
        return new Leaf(FieldRef.segment(), Operator.EQ, segment.name());
    }

    /** Resolves segment names to their stored rules, with {@code overrides} (lower-cased names) taking precedence. */
    static SegmentRules liveRules(Connection connection, Map<String, Condition> overrides) {
        return name -> {
            Condition override = overrides.get(name.toLowerCase(Locale.ROOT));
            if (override != null) {
                return Optional.of(override);
            }
            try {
                return SegmentTable.findByName(connection, name).map(segment -> parseStored(segment));
            } catch (SQLException e) {
                throw new StoreException("Database error: " + e.getMessage(), e);
            }
        };
    }

    /** The SQL of {@code rule} with every referenced segment's live rule inlined. */
    static SqlFragment live(Connection connection, Condition rule, Clock clock) {
        return ConditionSql.toSql(rule, liveRules(connection, Map.of()), clock);
    }

    /** {@code condition} with each {@code segment "X"} replaced by X's live rule, itself so replaced; a cycle is an error. */
    static Condition inline(Condition condition, SegmentRules rules, Deque<String> path) {
        if (condition instanceof Group group) {
            return Group.of(group.kind(), group.children().stream().map(child -> inline(child, rules, path)).toList());
        }
        if (condition instanceof Not not) {
            return new Not(inline(not.child(), rules, path));
        }
        if (!(condition instanceof Leaf leaf) || leaf.field().kind() != FieldKind.SEGMENT || leaf.values().isEmpty()) {
            return condition;
        }
        List<Condition> anyOf = new ArrayList<>();
        for (String name : leaf.values()) {
            String key = name.toLowerCase(Locale.ROOT);
            if (path.contains(key)) {
                throw new IllegalArgumentException("Segment \"" + name + "\" refers to itself");
            }
            Condition rule = rules.ruleOf(name).orElseThrow(() -> new IllegalArgumentException("There is no segment named \"" + name + "\""));
            path.push(key);
            anyOf.add(inline(rule, rules, path));
            path.pop();
        }
        Condition members = Group.of(GroupKind.OR, anyOf);
        return switch (leaf.operator()) {
            case EQ, IN -> members;
            case NE, NOT_IN -> new Not(members);
            default -> condition;
        };
    }

    static Condition parseStored(Segment segment) {
        try {
            return segment.rule();
        } catch (RuleSyntaxException e) {
            throw new IllegalArgumentException("The stored rule of segment \"" + segment.name() + "\" is invalid, "
                    + e.getMessage(), e);
        }
    }

    /** A saved segment with its SQL, or the reason it has none. */
    record Translated(Segment segment, SqlFragment sql, String error) {
    }

    static List<Translated> translateAll(Connection connection, Clock clock) throws SQLException {
        SegmentRules rules = liveRules(connection, Map.of());
        List<Translated> translated = new ArrayList<>();
        for (Segment segment : SegmentTable.listSegments(connection)) {
            try {
                translated.add(new Translated(segment, ConditionSql.toSql(membership(segment), rules, clock), null));
            } catch (IllegalArgumentException e) {
                translated.add(new Translated(segment, null, e.getMessage()));
            }
        }
        return translated;
    }

    /**
     * Whether SQLite answers {@code sql} by reading the whole profile table rather than through an index. Such
     * segments share one scan ({@link #evaluateAll}); the others are cheaper on their own, through their index.
     */
    static boolean scansTable(Connection connection, SqlFragment sql) throws SQLException {
        try (PreparedStatement plan = connection.prepareStatement("EXPLAIN QUERY PLAN SELECT p.id FROM profile p WHERE " + sql.sql())) {
            SqlParameters.bind(plan, sql.parameters(), 1);
            try (ResultSet steps = plan.executeQuery()) {
                while (steps.next()) {
                    if (steps.getString("detail").startsWith("SCAN p")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The members of every segment from one scan of the profile table: each row yields a bit mask of the segments it
     * belongs to (62 segments to a column). One scan with many tests is several times faster than one scan per segment.
     * Each segment's members come back as a compressed bitmap: every segment is held at once, and at ten million
     * profiles arrays of ids would take hundreds of megabytes where bitmaps take about one per segment.
     */
    static List<Roaring64NavigableMap> evaluateAll(Connection connection, List<Translated> segments) throws SQLException {
        return evaluateAll(connection, segments, null);
    }

    /** As {@link #evaluateAll(Connection, List)}, over only the profiles with these ids ({@code null}: every profile). */
    static List<Roaring64NavigableMap> evaluateAll(Connection connection, List<Translated> segments, Roaring64NavigableMap onlyIds)
            throws SQLException {
        List<Roaring64NavigableMap> members = new ArrayList<>();
        if (segments.isEmpty()) {
            return members;
        }
        int columns = (segments.size() + MASK_BITS - 1) / MASK_BITS;
        StringBuilder sql = new StringBuilder("SELECT p.id");
        List<Object> parameters = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            sql.append(", 0");
            for (int bit = 0; bit < MASK_BITS && column * MASK_BITS + bit < segments.size(); bit++) {
                SqlFragment fragment = segments.get(column * MASK_BITS + bit).sql();
                sql.append(" | (((").append(fragment.sql()).append(") IS TRUE) << ").append(bit).append(')');
                parameters.addAll(fragment.parameters());
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            members.add(new Roaring64NavigableMap());
        }
        sql.append(" FROM profile p");
        if (onlyIds != null) {
            sql.append(" WHERE p.id IN (SELECT value FROM json_each(?))");
            parameters.add(idsJson(onlyIds));
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.append(" ORDER BY p.id").toString())) {
            SqlParameters.bind(statement, parameters, 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    for (int column = 0; column < columns; column++) {
                        long mask = rows.getLong(column + 2);
                        while (mask != 0) {
                            members.get(column * MASK_BITS + Long.numberOfTrailingZeros(mask)).addLong(id);
                            mask &= mask - 1;
                        }
                    }
                }
            }
        }
        return members;
    }

    /**
     * As {@link #evaluateAll}, over only the profiles with these ids, at a cost that follows their number. A rule on
     * interests reads {@code p.id IN (SELECT pi.profile_id FROM profile_interest pi WHERE ...)}, which SQLite builds
     * whole, once per statement: over a million profiles that alone costs more than re-testing a few thousand. So for
     * this one statement a temporary profile_interest holding only these profiles' interests (from their own list,
     * as the triggers fill the real table) stands in for it: SQLite looks names up in the temporary schema first, on
     * this connection only; the store's triggers and other connections still see the real table.
     */
    static List<Roaring64NavigableMap> evaluateAmong(Connection connection, List<Translated> segments, Roaring64NavigableMap ids)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE profile_interest (interest TEXT NOT NULL, profile_id INTEGER NOT NULL,"
                    + " PRIMARY KEY (interest, profile_id)) WITHOUT ROWID");
            try {
                try (PreparedStatement fill = connection.prepareStatement("INSERT OR IGNORE INTO temp.profile_interest"
                        + "(interest, profile_id) SELECT i.value, p.id FROM main.profile p, json_each(p.interests) i"
                        + " WHERE p.id IN (SELECT value FROM json_each(?))")) {
                    fill.setString(1, idsJson(ids));
                    fill.executeUpdate();
                }
                return evaluateAll(connection, segments, ids);
            } finally {
                statement.execute("DROP TABLE IF EXISTS temp.profile_interest");
            }
        }
    }

    /** Ids as a JSON array, for {@code json_each}: one bound text instead of one parameter per id. */
    static String idsJson(Roaring64NavigableMap ids) {
        StringBuilder json = new StringBuilder((int) Math.min(ids.getLongCardinality(), 1 << 20) * 8 + 2).append('[');
        ids.forEach(id -> json.append(json.length() == 1 ? "" : ",").append(id));
        return json.append(']').toString();
    }

    static long count(Connection connection, SqlFragment sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM profile p WHERE " + sql.sql())) {
            SqlParameters.bind(statement, sql.parameters(), 1);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    static long[] selectIds(Connection connection, SqlFragment sql) throws SQLException {
        // Sorted here, not by ORDER BY p.id: that clause tempts SQLite to walk the table in id order instead of
        // using the index that makes a selective rule fast.
        try (PreparedStatement statement = connection.prepareStatement("SELECT p.id FROM profile p WHERE " + sql.sql())) {
            SqlParameters.bind(statement, sql.parameters(), 1);
            long[] ids = readIds(statement);
            Arrays.sort(ids);
            return ids;
        }
    }

    /** As {@link #selectIds}, as a compressed bitmap. */
    static Roaring64NavigableMap selectSet(Connection connection, SqlFragment sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT p.id FROM profile p WHERE " + sql.sql())) {
            SqlParameters.bind(statement, sql.parameters(), 1);
            return readSet(statement);
        }
    }

    /** The ids the statement selects, in any order, as a compressed bitmap. */
    static Roaring64NavigableMap readSet(PreparedStatement statement) throws SQLException {
        Roaring64NavigableMap ids = new Roaring64NavigableMap();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.addLong(rows.getLong(1));
            }
        }
        return ids;
    }

    static long[] readIds(PreparedStatement statement) throws SQLException {
        long[] ids = new long[1024];
        int n = 0;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                }
                ids[n++] = rows.getLong(1);
            }
        }
        return Arrays.copyOf(ids, n);
    }
}

package org.cdpdesktop.core.segment;

import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.ConditionSql;
import org.cdpdesktop.core.query.FieldKind;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.Group;
import org.cdpdesktop.core.query.Leaf;
import org.cdpdesktop.core.query.Not;
import org.cdpdesktop.core.query.Operator;
import org.cdpdesktop.core.query.RuleFormatter;
import org.cdpdesktop.core.query.RuleSyntaxException;
import org.cdpdesktop.core.query.SegmentRules;
import org.cdpdesktop.core.query.SqlFragment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.db.SqlWork;
import org.cdpdesktop.core.db.StoreException;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved segments: CRUD, live counts and member lists (always evaluated in SQL, a referenced segment by its live
 * rule), membership refresh, snapshots with compact member lists, history and "who joined / who left".
 */
public final class SegmentService {

    public static final int MAX_NAME_LENGTH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SegmentService.class);
    private static final String SEGMENT_COLUMNS = "id, name, rule, description, builtin, created_at, updated_at";
    private static final int ID_CHUNK = 50_000;
    private static final int MASK_BITS = 62;

    private final Database database;
    private final Clock clock;

    public SegmentService(Database database) {
        this(database, Clock.systemUTC());
    }

    public SegmentService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    // ---- Saved segments ------------------------------------------------------------------------------------------

    public List<Segment> list() {
        return database.read(connection -> listSegments(connection));
    }

    public Optional<Segment> find(String name) {
        return database.read(connection -> findByName(connection, name));
    }

    public Optional<Segment> findById(long id) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + SEGMENT_COLUMNS + " FROM segment WHERE id = ?")) {
                statement.setLong(1, id);
                return first(statement);
            }
        });
    }

    /** Creates a segment, or replaces the rule and description of the one with this name. */
    public Segment save(String name, Condition rule, String description) {
        Optional<Segment> existing = find(name);
        return existing.isPresent() ? update(existing.get().id(), existing.get().name(), rule, description)
                : create(name, rule, description);
    }

    public Segment create(String name, Condition rule, String description) {
        String cleanName = checkName(name);
        checkTranslates(cleanName, rule);
        String now = clock.instant().toString();
        return database.write(connection -> {
            if (findByName(connection, cleanName).isPresent()) {
                throw new IllegalArgumentException("A segment named \"" + cleanName + "\" already exists");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segment"
                    + "(name, rule, description, builtin, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)")) {
                insert.setString(1, cleanName);
                insert.setString(2, RuleFormatter.format(rule));
                insert.setString(3, blankToNull(description));
                insert.setString(4, now);
                insert.setString(5, now);
                insert.executeUpdate();
            }
            return findByName(connection, cleanName).orElseThrow();
        });
    }

    public Segment update(long id, String name, Condition rule, String description) {
        String cleanName = checkName(name);
        checkTranslates(cleanName, rule);
        String now = clock.instant().toString();
        return database.write(connection -> {
            Segment current = findById(connection, id);
            if (!current.name().equalsIgnoreCase(cleanName)) {
                Optional<Segment> clash = findByName(connection, cleanName);
                if (clash.isPresent()) {
                    throw new IllegalArgumentException("A segment named \"" + cleanName + "\" already exists");
                }
                refuseIfReferenced(connection, current, "renamed");
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE segment SET name = ?, rule = ?, description = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, cleanName);
                update.setString(2, RuleFormatter.format(rule));
                update.setString(3, blankToNull(description));
                update.setString(4, now);
                update.setLong(5, id);
                update.executeUpdate();
            }
            return findById(connection, id);
        });
    }

    /** Copies a segment under the first free name "Name (copy)", "Name (copy 2)", ... */
    public Segment duplicate(long id) {
        Segment original = findById(id).orElseThrow(() -> new IllegalArgumentException("No segment with id " + id));
        String name = original.name() + " (copy)";
        for (int n = 2; find(name).isPresent(); n++) {
            name = original.name() + " (copy " + n + ")";
        }
        return create(name, original.rule(), original.description());
    }

    /** Deletes a segment with its members and snapshots; refused while another segment's rule refers to it. */
    public void delete(long id) {
        database.write(connection -> {
            Segment segment = findById(connection, id);
            refuseIfReferenced(connection, segment, "deleted");
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM segment WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            return null;
        });
    }

    // ---- Evaluation ----------------------------------------------------------------------------------------------

    /** The SQL for {@code rule}, with every referenced segment's live rule inlined. */
    public SqlFragment sql(Condition rule) {
        return database.read(connection -> ConditionSql.toSql(rule, liveRules(connection, Map.of()), clock));
    }

    public long count(Condition rule) {
        return database.read(connection -> count(connection, ConditionSql.toSql(rule, liveRules(connection, Map.of()), clock)));
    }

    /**
     * Every segment with its live size, counted in one scan of the profile table; a segment whose rule cannot be
     * evaluated carries the reason instead.
     */
    public List<SegmentSize> sizes() {
        return database.read(connection -> {
            List<Translated> translated = translateAll(connection);
            List<Translated> scanned = new ArrayList<>();
            Map<Long, Long> counts = new HashMap<>();
            for (Translated t : translated) {
                if (t.sql() != null && scansTable(connection, t.sql())) {
                    scanned.add(t);
                } else if (t.sql() != null) {
                    counts.put(t.segment().id(), count(connection, t.sql()));
                }
            }
            if (!scanned.isEmpty()) {
                StringBuilder sql = new StringBuilder("SELECT ");
                List<Object> parameters = new ArrayList<>();
                for (int i = 0; i < scanned.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append("coalesce(sum((").append(scanned.get(i).sql().sql()).append(") IS TRUE), 0)");
                    parameters.addAll(scanned.get(i).sql().parameters());
                }
                try (PreparedStatement statement = connection.prepareStatement(sql.append(" FROM profile p").toString())) {
                    SqlParameters.bind(statement, parameters, 1);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        for (int i = 0; i < scanned.size(); i++) {
                            counts.put(scanned.get(i).segment().id(), row.getLong(i + 1));
                        }
                    }
                }
            }
            List<SegmentSize> sizes = new ArrayList<>();
            for (Translated t : translated) {
                sizes.add(t.sql() == null ? new SegmentSize(t.segment(), 0, t.error())
                        : new SegmentSize(t.segment(), counts.get(t.segment().id()), null));
            }
            return sizes;
        });
    }

    /** A page of the profiles matching {@code rule}, in id order. */
    public List<Profile> members(Condition rule, int limit, int offset) {
        return database.read(connection -> {
            SqlFragment sql = ConditionSql.toSql(rule, liveRules(connection, Map.of()), clock);
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + ProfileMapping.COLUMNS
                    + " FROM profile p WHERE " + sql.sql() + " ORDER BY p.id LIMIT ? OFFSET ?")) {
                SqlParameters.bind(statement, sql.parameters(), 1);
                statement.setInt(sql.parameters().size() + 1, limit);
                statement.setInt(sql.parameters().size() + 2, offset);
                List<Profile> page = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        page.add(ProfileMapping.read(rows));
                    }
                }
                return page;
            }
        });
    }

    /** The ids of the profiles matching {@code rule}, ascending. */
    public long[] memberIds(Condition rule) {
        return database.read(connection -> selectIds(connection, ConditionSql.toSql(rule, liveRules(connection, Map.of()), clock)));
    }

    /** The profiles with these ids, in id order, at most {@code limit}. */
    public List<Profile> profiles(long[] ids, int limit) {
        long[] wanted = Arrays.copyOf(ids, Math.min(ids.length, limit));
        if (wanted.length == 0) {
            return List.of();
        }
        return database.read(connection -> {
            List<Profile> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + ProfileMapping.COLUMNS
                    + " FROM profile p WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id")) {
                statement.setString(1, Arrays.toString(wanted));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(ProfileMapping.read(rows));
                    }
                }
            }
            return found;
        });
    }

    // ---- Membership and snapshots --------------------------------------------------------------------------------

    /** Re-evaluates one segment and stores its members; returns its size. */
    public long evaluate(Segment segment) {
        return database.write(connection -> {
            long[] ids = selectIds(connection, ConditionSql.toSql(membership(segment), liveRules(connection, Map.of()), clock));
            refreshMembers(connection, segment.id(), ids);
            return (long) ids.length;
        });
    }

    /**
     * Re-evaluates every segment, stores its members and writes one snapshot row per segment (size and member ids)
     * in one transaction. {@code reason} says what prompted it: "import", "prediction" or "manual".
     * A segment whose rule cannot be evaluated is reported in the results and skipped; the others are still taken.
     */
    public List<SnapshotResult> snapshotAll(String reason) {
        String takenAt = clock.instant().toString();
        List<SnapshotResult> results = database.withWriter(writer -> withoutForeignKeyChecks(writer, connection -> {
            List<Translated> translated = translateAll(connection);
            List<Translated> scanned = new ArrayList<>();
            Map<Long, long[]> members = new HashMap<>();
            for (Translated t : translated) {
                if (t.sql() != null && scansTable(connection, t.sql())) {
                    scanned.add(t);
                } else if (t.sql() != null) {
                    members.put(t.segment().id(), selectIds(connection, t.sql()));
                }
            }
            List<long[]> scannedMembers = evaluateAll(connection, scanned);
            for (int i = 0; i < scanned.size(); i++) {
                members.put(scanned.get(i).segment().id(), scannedMembers.get(i));
            }
            List<SnapshotResult> done = new ArrayList<>();
            for (Translated t : translated) {
                Segment segment = t.segment();
                if (t.sql() == null) {
                    done.add(new SnapshotResult(segment.id(), segment.name(), 0, 0, 0, t.error()));
                    continue;
                }
                long[] ids = members.get(segment.id());
                long[] change = refreshMembers(connection, segment.id(), ids);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segment_snapshot"
                        + "(segment_id, taken_at, reason, size, members) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setLong(1, segment.id());
                    insert.setString(2, takenAt);
                    insert.setString(3, reason);
                    insert.setLong(4, ids.length);
                    insert.setBytes(5, MemberIds.encode(ids));
                    insert.executeUpdate();
                }
                done.add(new SnapshotResult(segment.id(), segment.name(), ids.length, change[0], change[1], null));
            }
            return done;
        }));
        results.stream().filter(r -> r.error() != null)
                .forEach(r -> LOG.warn("Snapshot skipped segment {}: {}", r.name(), r.error()));
        return results;
    }

    /**
     * Runs {@code work} in one transaction with foreign-key checks off. A first snapshot of a large store inserts
     * millions of segment_member rows, and checking each row's profile and segment costs two thirds of the time;
     * the checks are redundant here because every id was just selected from those tables under the same write lock.
     * SQLite only switches the checks outside a transaction, hence the explicit transaction and the order below.
     */
    private static <T> T withoutForeignKeyChecks(Connection connection, SqlWork<T> work) throws SQLException {
        try (Statement pragma = connection.createStatement()) {
            pragma.execute("PRAGMA foreign_keys = OFF");
            try {
                connection.setAutoCommit(false);
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
                pragma.execute("PRAGMA foreign_keys = ON");
            }
        }
    }

    /** A saved segment with its SQL, or the reason it has none. */
    private record Translated(Segment segment, SqlFragment sql, String error) {
    }

    private List<Translated> translateAll(Connection connection) throws SQLException {
        SegmentRules rules = liveRules(connection, Map.of());
        List<Translated> translated = new ArrayList<>();
        for (Segment segment : listSegments(connection)) {
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
    private static boolean scansTable(Connection connection, SqlFragment sql) throws SQLException {
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
     */
    private static List<long[]> evaluateAll(Connection connection, List<Translated> segments) throws SQLException {
        List<long[]> members = new ArrayList<>();
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
        IdList[] lists = new IdList[segments.size()];
        Arrays.setAll(lists, i -> new IdList());
        try (PreparedStatement statement = connection.prepareStatement(sql.append(" FROM profile p ORDER BY p.id").toString())) {
            SqlParameters.bind(statement, parameters, 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    for (int column = 0; column < columns; column++) {
                        long mask = rows.getLong(column + 2);
                        while (mask != 0) {
                            lists[column * MASK_BITS + Long.numberOfTrailingZeros(mask)].add(id);
                            mask &= mask - 1;
                        }
                    }
                }
            }
        }
        for (IdList list : lists) {
            members.add(list.toArray());
        }
        return members;
    }

    /** A growable list of ids, without boxing a million Longs. */
    private static final class IdList {
        private long[] ids = new long[256];
        private int size;

        void add(long id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        long[] toArray() {
            return Arrays.copyOf(ids, size);
        }
    }

    /** The snapshots of one segment, oldest first. */
    public List<SnapshotPoint> history(long segmentId) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, segment_id, taken_at, reason, size"
                    + " FROM segment_snapshot WHERE segment_id = ? ORDER BY taken_at, id")) {
                statement.setLong(1, segmentId);
                return points(statement);
            }
        });
    }

    /** Every segment's snapshots, oldest first, for the trend chart. */
    public List<SegmentHistory> histories() {
        return database.read(connection -> {
            Map<Long, List<SnapshotPoint>> bySegment = new LinkedHashMap<>();
            Map<Long, String> names = new LinkedHashMap<>();
            for (Segment segment : listSegments(connection)) {
                bySegment.put(segment.id(), new ArrayList<>());
                names.put(segment.id(), segment.name());
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, segment_id, taken_at, reason, size FROM segment_snapshot ORDER BY taken_at, id")) {
                for (SnapshotPoint point : points(statement)) {
                    bySegment.get(point.segmentId()).add(point);
                }
            }
            List<SegmentHistory> histories = new ArrayList<>();
            bySegment.forEach((id, points) -> histories.add(new SegmentHistory(id, names.get(id), points)));
            return histories;
        });
    }

    /** Who joined and who left the segment since its last snapshot, by its live rule. */
    public MembershipChange diffSinceLastSnapshot(long segmentId) {
        return database.read(connection -> {
            Segment segment = findById(connection, segmentId);
            long[] current = selectIds(connection, ConditionSql.toSql(membership(segment), liveRules(connection, Map.of()), clock));
            try (PreparedStatement statement = connection.prepareStatement("SELECT taken_at, size, members"
                    + " FROM segment_snapshot WHERE segment_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1")) {
                statement.setLong(1, segmentId);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return new MembershipChange(null, current, new long[0]);
                    }
                    long size = row.getLong(2);
                    if (size > Integer.MAX_VALUE) {
                        throw new CorruptSnapshotException("the snapshot claims " + size + " members");
                    }
                    long[] previous = MemberIds.decode(row.getBytes(3), (int) size);
                    return new MembershipChange(row.getString(1), MemberIds.difference(current, previous),
                            MemberIds.difference(previous, current));
                }
            }
        });
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------

    /** A segment's membership as a condition, so that its own name is on the cycle-detection path. */
    private static Condition membership(Segment segment) {
        return new Leaf(FieldRef.segment(), Operator.EQ, segment.name());
    }

    /** Resolves segment names to their stored rules, with {@code overrides} (lower-cased names) taking precedence. */
    private static SegmentRules liveRules(Connection connection, Map<String, Condition> overrides) {
        return name -> {
            Condition override = overrides.get(name.toLowerCase(Locale.ROOT));
            if (override != null) {
                return Optional.of(override);
            }
            try {
                return findByName(connection, name).map(segment -> parseStored(segment));
            } catch (SQLException e) {
                throw new StoreException("Database error: " + e.getMessage(), e);
            }
        };
    }

    private static Condition parseStored(Segment segment) {
        try {
            return segment.rule();
        } catch (RuleSyntaxException e) {
            throw new IllegalArgumentException("The stored rule of segment \"" + segment.name() + "\" is invalid, "
                    + e.getMessage(), e);
        }
    }

    /** Fails with a clear message when saving {@code rule} under {@code name} would refer to a missing segment or loop. */
    private void checkTranslates(String name, Condition rule) {
        database.read(connection -> ConditionSql.toSql(new Leaf(FieldRef.segment(), Operator.EQ, name),
                liveRules(connection, Map.of(name.toLowerCase(Locale.ROOT), rule)), clock));
    }

    private static void refuseIfReferenced(Connection connection, Segment segment, String action) throws SQLException {
        for (Segment other : listSegments(connection)) {
            if (other.id() != segment.id() && references(parseOrNull(other), segment.name())) {
                throw new IllegalArgumentException("Segment \"" + segment.name() + "\" cannot be " + action
                        + " because the rule of \"" + other.name() + "\" refers to it");
            }
        }
    }

    private static Condition parseOrNull(Segment segment) {
        try {
            return segment.rule();
        } catch (RuleSyntaxException e) {
            LOG.warn("Segment {} has an unreadable rule: {}", segment.name(), e.getMessage());
            return null;
        }
    }

    private static boolean references(Condition condition, String name) {
        if (condition instanceof Group group) {
            return group.children().stream().anyMatch(child -> references(child, name));
        }
        if (condition instanceof Not not) {
            return references(not.child(), name);
        }
        return condition instanceof Leaf leaf && leaf.field().kind() == FieldKind.SEGMENT
                && leaf.values().stream().anyMatch(value -> value.equalsIgnoreCase(name));
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("A segment needs a name");
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A segment name can have at most " + MAX_NAME_LENGTH + " characters");
        }
        return clean;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static long count(Connection connection, SqlFragment sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM profile p WHERE " + sql.sql())) {
            SqlParameters.bind(statement, sql.parameters(), 1);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static long[] selectIds(Connection connection, SqlFragment sql) throws SQLException {
        // Sorted here, not by ORDER BY p.id: that clause tempts SQLite to walk the table in id order instead of
        // using the index that makes a selective rule fast.
        try (PreparedStatement statement = connection.prepareStatement("SELECT p.id FROM profile p WHERE " + sql.sql())) {
            SqlParameters.bind(statement, sql.parameters(), 1);
            long[] ids = readIds(statement);
            Arrays.sort(ids);
            return ids;
        }
    }

    private static long[] readIds(PreparedStatement statement) throws SQLException {
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

    /**
     * Brings segment_member in line with {@code ids}, touching only the rows that change; returns {added, removed}.
     * Changed ids go to SQLite as JSON arrays of {@link #ID_CHUNK}, so SQLite loops over them instead of JDBC doing
     * one call per row: a first snapshot of a million-profile store writes millions of rows.
     */
    private static long[] refreshMembers(Connection connection, long segmentId, long[] ids) throws SQLException {
        long[] previous;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT profile_id FROM segment_member WHERE segment_id = ? ORDER BY profile_id")) {
            select.setLong(1, segmentId);
            previous = readIds(select);
        }
        long[] added = MemberIds.difference(ids, previous);
        long[] removed = MemberIds.difference(previous, ids);
        apply(connection, "DELETE FROM segment_member WHERE segment_id = ? AND profile_id IN (SELECT value FROM json_each(?))",
                segmentId, removed);
        apply(connection, "INSERT INTO segment_member(segment_id, profile_id) SELECT ?, value FROM json_each(?)",
                segmentId, added);
        return new long[] {added.length, removed.length};
    }

    private static void apply(Connection connection, String sql, long segmentId, long[] profileIds) throws SQLException {
        if (profileIds.length == 0) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int from = 0; from < profileIds.length; from += ID_CHUNK) {
                StringBuilder json = new StringBuilder(ID_CHUNK * 8).append('[');
                for (int i = from; i < Math.min(profileIds.length, from + ID_CHUNK); i++) {
                    json.append(i == from ? "" : ",").append(profileIds[i]);
                }
                statement.setLong(1, segmentId);
                statement.setString(2, json.append(']').toString());
                statement.executeUpdate();
            }
        }
    }

    private static List<SnapshotPoint> points(PreparedStatement statement) throws SQLException {
        List<SnapshotPoint> points = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                points.add(new SnapshotPoint(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getLong(5)));
            }
        }
        return points;
    }

    private static List<Segment> listSegments(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + SEGMENT_COLUMNS + " FROM segment ORDER BY name COLLATE NOCASE")) {
            List<Segment> segments = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    segments.add(segment(rows));
                }
            }
            return segments;
        }
    }

    private static Optional<Segment> findByName(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + SEGMENT_COLUMNS + " FROM segment WHERE name = ? COLLATE NOCASE")) {
            statement.setString(1, name.strip());
            return first(statement);
        }
    }

    private static Segment findById(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + SEGMENT_COLUMNS + " FROM segment WHERE id = ?")) {
            statement.setLong(1, id);
            return first(statement).orElseThrow(() -> new IllegalArgumentException("No segment with id " + id));
        }
    }

    private static Optional<Segment> first(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(segment(rows)) : Optional.empty();
        }
    }

    private static Segment segment(ResultSet row) throws SQLException {
        return new Segment(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5) == 1,
                row.getString(6), row.getString(7));
    }
}

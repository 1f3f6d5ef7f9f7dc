package org.cdpdesktop.core.segment;

import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.ConditionSql;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.Leaf;
import org.cdpdesktop.core.query.Operator;
import org.cdpdesktop.core.query.RuleFormatter;
import org.cdpdesktop.core.query.SqlFragment;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileMapping;

/**
 * Saved segments, the one door to them: create, rename, duplicate and delete (on the segment table, {@link SegmentTable}),
 * live counts and member lists (always evaluated in SQL, a referenced segment by its live rule, {@link SegmentSql}),
 * and stored membership with snapshots, history and "who joined / who left" ({@link Snapshots}).
 */
public final class SegmentService {

    public static final int MAX_NAME_LENGTH = 100;

    private final Database database;
    private final Clock clock;
    private final Snapshots snapshots;

    public SegmentService(Database database) {
        this(database, Clock.systemUTC());
    }

    public SegmentService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.snapshots = new Snapshots(database, clock);
    }

    // ---- Saved segments ------------------------------------------------------------------------------------------

    public List<Segment> list() {
        return database.read(connection -> SegmentTable.listSegments(connection));
    }

    public Optional<Segment> find(String name) {
        return database.read(connection -> SegmentTable.findByName(connection, name));
    }

    public Optional<Segment> findById(long id) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + SegmentTable.SEGMENT_COLUMNS + " FROM segment WHERE id = ?")) {
                statement.setLong(1, id);
                return SegmentTable.first(statement);
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
        String cleanName = SegmentTable.checkName(name);
        checkTranslates(cleanName, rule);
        String now = clock.instant().toString();
        return database.write(connection -> {
            if (SegmentTable.findByName(connection, cleanName).isPresent()) {
                throw new IllegalArgumentException("A segment named \"" + cleanName + "\" already exists");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segment"
                    + "(name, rule, description, builtin, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)")) {
                insert.setString(1, cleanName);
                insert.setString(2, RuleFormatter.format(rule));
                insert.setString(3, SegmentTable.blankToNull(description));
                insert.setString(4, now);
                insert.setString(5, now);
                insert.executeUpdate();
            }
            return SegmentTable.findByName(connection, cleanName).orElseThrow();
        });
    }

    public Segment update(long id, String name, Condition rule, String description) {
        String cleanName = SegmentTable.checkName(name);
        checkTranslates(cleanName, rule);
        String now = clock.instant().toString();
        return database.write(connection -> {
            Segment current = SegmentTable.findById(connection, id);
            if (!current.name().equalsIgnoreCase(cleanName)) {
                Optional<Segment> clash = SegmentTable.findByName(connection, cleanName);
                if (clash.isPresent()) {
                    throw new IllegalArgumentException("A segment named \"" + cleanName + "\" already exists");
                }
                SegmentTable.refuseIfReferenced(connection, current, "renamed");
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE segment SET name = ?, rule = ?, description = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, cleanName);
                update.setString(2, RuleFormatter.format(rule));
                update.setString(3, SegmentTable.blankToNull(description));
                update.setString(4, now);
                update.setLong(5, id);
                update.executeUpdate();
            }
            return SegmentTable.findById(connection, id);
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
            Segment segment = SegmentTable.findById(connection, id);
            SegmentTable.refuseIfReferenced(connection, segment, "deleted");
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
        return database.read(connection -> SegmentSql.live(connection, rule, clock));
    }

    public long count(Condition rule) {
        return database.read(connection -> SegmentSql.count(connection, SegmentSql.live(connection, rule, clock)));
    }

    /**
     * Every segment with its live size, counted in one scan of the profile table; a segment whose rule cannot be
     * evaluated carries the reason instead.
     */
    public List<SegmentSize> sizes() {
        return database.read(connection -> {
            List<SegmentSql.Translated> translated = SegmentSql.translateAll(connection, clock);
            List<SegmentSql.Translated> scanned = new ArrayList<>();
            Map<Long, Long> counts = new HashMap<>();
            for (SegmentSql.Translated t : translated) {
                if (t.sql() != null && SegmentSql.scansTable(connection, t.sql())) {
                    scanned.add(t);
                } else if (t.sql() != null) {
                    counts.put(t.segment().id(), SegmentSql.count(connection, t.sql()));
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
            for (SegmentSql.Translated t : translated) {
                sizes.add(t.sql() == null ? new SegmentSize(t.segment(), 0, t.error())
                        : new SegmentSize(t.segment(), counts.get(t.segment().id()), null));
            }
            return sizes;
        });
    }

    /** A page of the profiles matching {@code rule}, in id order. */
    public List<Profile> members(Condition rule, int limit, int offset) {
        return database.read(connection -> {
            SqlFragment sql = SegmentSql.live(connection, rule, clock);
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

    /**
     * {@code rule} with each {@code segment "X"} in it replaced by X's live rule, so that a profile listing or an export,
     * which read a referenced segment's stored members, select exactly the profiles {@link #count} counts.
     */
    public Condition withLiveRules(Condition rule) {
        return database.read(connection -> SegmentSql.inline(rule, SegmentSql.liveRules(connection, Map.of()), new ArrayDeque<>()));
    }

    /** The ids of the profiles matching {@code rule}, ascending. */
    public long[] memberIds(Condition rule) {
        return database.read(connection -> SegmentSql.selectIds(connection, SegmentSql.live(connection, rule, clock)));
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

    /**
     * Re-evaluates every segment, stores its members and writes one snapshot row per segment (size and member ids)
     * in one transaction. {@code reason} says what prompted it: "import", "prediction" or "manual".
     * A segment whose rule cannot be evaluated is reported in the results and skipped; the others are still taken.
     */
    public List<SnapshotResult> snapshotAll(String reason) {
        return snapshots.snapshotAll(reason);
    }

    /**
     * As {@link #snapshotAll}, for after imports: a segment whose members only the imported profiles can have changed
     * is re-evaluated over those profiles alone, so the cost follows the import's size rather than the store's; the
     * others are evaluated in full. The snapshots are the same as {@link #snapshotAll} would take.
     */
    public List<SnapshotResult> snapshotChanges(String reason) {
        return snapshots.snapshotChanges(reason);
    }

    /** The snapshots of one segment, oldest first. */
    public List<SnapshotPoint> history(long segmentId) {
        return snapshots.history(segmentId);
    }

    /** Every segment's snapshots, oldest first, for the trend chart. */
    public List<SegmentHistory> histories() {
        return snapshots.histories();
    }

    /** Who joined and who left the segment since its last snapshot, by its live rule. */
    public MembershipChange diffSinceLastSnapshot(long segmentId) {
        return snapshots.diffSinceLastSnapshot(segmentId);
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------

    /** Fails with a clear message when saving {@code rule} under {@code name} would refer to a missing segment or loop. */
    private void checkTranslates(String name, Condition rule) {
        database.read(connection -> ConditionSql.toSql(new Leaf(FieldRef.segment(), Operator.EQ, name),
                SegmentSql.liveRules(connection, Map.of(name.toLowerCase(Locale.ROOT), rule)), clock));
    }

}

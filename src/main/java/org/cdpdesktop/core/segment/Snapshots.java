package org.cdpdesktop.core.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.db.SqlWork;
import org.roaringbitmap.longlong.LongIterator;
import org.roaringbitmap.longlong.Roaring64NavigableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Segment membership kept in the store: refreshing members, snapshots of every segment, their history and who joined or left. */
final class Snapshots {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);
    private static final int ID_CHUNK = 50_000;

    private final Database database;
    private final Clock clock;

    Snapshots(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Re-evaluates every segment, stores its members and writes one snapshot row per segment (size and member ids)
     * in one transaction. {@code reason} says what prompted it: "import", "prediction" or "manual".
     * A segment whose rule cannot be evaluated is reported in the results and skipped; the others are still taken.
     */
    List<SnapshotResult> snapshotAll(String reason) {
        return take(reason, false);
    }

    /**
     * As {@link #snapshotAll}, re-evaluating only the profiles that imports inserted or updated since a segment's last
     * snapshot where the store shows that nothing else can have changed its members; every other segment is evaluated
     * over the whole store. See {@link ChangeBasis} for when that is.
     */
    List<SnapshotResult> snapshotChanges(String reason) {
        return take(reason, true);
    }

    private List<SnapshotResult> take(String reason, boolean onlyChanges) {
        String takenAt = clock.instant().toString();
        List<SnapshotResult> results = database.withWriter(writer -> withoutForeignKeyChecks(writer, connection -> {
            ChangeBasis.Store store = ChangeBasis.Store.read(connection);
            List<SegmentSql.Translated> translated = SegmentSql.translateAll(connection, clock);
            Map<Long, ChangeBasis.Previous> previous = onlyChanges ? ChangeBasis.latestSnapshots(connection) : Map.of();
            Map<Long, ChangeBasis.Changes> changesSince = new HashMap<>();
            Map<Roaring64NavigableMap, List<SegmentSql.Translated>> byChanges = new IdentityHashMap<>();
            Map<Long, ChangeBasis.Previous> inStore = new HashMap<>();
            List<SegmentSql.Translated> scanned = new ArrayList<>();
            Map<Long, Roaring64NavigableMap> members = new HashMap<>();
            for (SegmentSql.Translated t : translated) {
                if (t.sql() == null) {
                    continue;
                }
                ChangeBasis.Previous before = previous.get(t.segment().id());
                ChangeBasis.Changes changes = null;
                if (before != null) {
                    if (!changesSince.containsKey(before.throughBatch())) {
                        changesSince.put(before.throughBatch(), ChangeBasis.since(connection, before, store));
                    }
                    changes = changesSince.get(before.throughBatch());
                    if (changes.onlyImported()) {
                        inStore.put(t.segment().id(), before);
                    }
                }
                if (changes != null && changes.changed() != null && before.sameRule(t.sql())) {
                    byChanges.computeIfAbsent(changes.changed(), c -> new ArrayList<>()).add(t);
                } else if (SegmentSql.scansTable(connection, t.sql())) {
                    scanned.add(t);
                } else {
                    members.put(t.segment().id(), SegmentSql.selectSet(connection, t.sql()));
                }
            }
            List<Roaring64NavigableMap> scannedMembers = SegmentSql.evaluateAll(connection, scanned);
            for (int i = 0; i < scanned.size(); i++) {
                members.put(scanned.get(i).segment().id(), scannedMembers.get(i));
            }
            Map<Long, Reevaluated> reevaluated = new HashMap<>();
            for (Map.Entry<Roaring64NavigableMap, List<SegmentSql.Translated>> group : byChanges.entrySet()) {
                Roaring64NavigableMap changed = group.getKey();
                List<Roaring64NavigableMap> matching = SegmentSql.evaluateAmong(connection, group.getValue(), changed);
                for (int i = 0; i < group.getValue().size(); i++) {
                    long segmentId = group.getValue().get(i).segment().id();
                    reevaluated.put(segmentId, new Reevaluated(previous.get(segmentId), changed, matching.get(i)));
                }
            }
            List<SnapshotResult> done = new ArrayList<>();
            for (SegmentSql.Translated t : translated) {
                Segment segment = t.segment();
                if (t.sql() == null) {
                    done.add(new SnapshotResult(segment.id(), segment.name(), 0, 0, 0, t.error()));
                    continue;
                }
                Reevaluated partly = reevaluated.get(segment.id());
                // Removed from the map, so that each segment's set can be collected once it is written.
                Roaring64NavigableMap ids = partly != null ? partly.members() : members.remove(segment.id());
                ChangeBasis.Previous stored = inStore.get(segment.id());
                MemberChange change = stored != null ? refreshFrom(connection, segment.id(), stored.members(), ids)
                        : refreshMembers(connection, segment.id(), ids);
                byte[] blob = stored != null && change.added() == 0 && change.removed() == 0 ? stored.blob() : MemberIds.encode(ids);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segment_snapshot(segment_id, taken_at,"
                        + " reason, size, members, rule_key, through_batch, profiles) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, segment.id());
                    insert.setString(2, takenAt);
                    insert.setString(3, reason);
                    insert.setLong(4, ids.getLongCardinality());
                    insert.setBytes(5, blob);
                    insert.setString(6, ChangeBasis.ruleKey(t.sql()));
                    insert.setLong(7, store.lastBatch());
                    insert.setLong(8, store.profiles());
                    insert.executeUpdate();
                }
                done.add(new SnapshotResult(segment.id(), segment.name(), ids.getLongCardinality(), change.added(), change.removed(), null));
            }
            return done;
        }));
        results.stream().filter(r -> r.error() != null)
                .forEach(r -> LOG.warn("Snapshot skipped segment {}: {}", r.name(), r.error()));
        return results;
    }

    /**
     * A segment re-evaluated over the changed profiles only: its members are the previous ones without the changed
     * profiles, plus the changed profiles that match its rule now.
     */
    private record Reevaluated(ChangeBasis.Previous before, Roaring64NavigableMap changed, Roaring64NavigableMap matching) {

        Roaring64NavigableMap members() {
            Roaring64NavigableMap members = MemberIds.difference(before.members(), changed);
            members.or(matching);
            return members;
        }
    }

    /**
     * As {@link #refreshMembers}, when segment_member is known to hold {@code previous} (see
     * {@link ChangeBasis.Changes#onlyImported}): the difference comes from the ids in hand instead of reading
     * every stored membership back, which for a million members costs more than the evaluation.
     */
    static MemberChange refreshFrom(Connection connection, long segmentId, Roaring64NavigableMap previous, Roaring64NavigableMap ids)
            throws SQLException {
        Roaring64NavigableMap added = MemberIds.difference(ids, previous);
        Roaring64NavigableMap removed = MemberIds.difference(previous, ids);
        apply(connection, "DELETE FROM segment_member WHERE segment_id = ? AND profile_id IN (SELECT value FROM json_each(?))",
                segmentId, removed);
        apply(connection, "INSERT OR IGNORE INTO segment_member(segment_id, profile_id) SELECT ?, value FROM json_each(?)",
                segmentId, added);
        return new MemberChange(added.getLongCardinality(), removed.getLongCardinality());
    }

    /**
     * Runs {@code work} in one transaction with foreign-key checks off. A first snapshot of a large store inserts
     * millions of segment_member rows, and checking each row's profile and segment costs two thirds of the time;
     * the checks are redundant here because every id was just selected from those tables under the same write lock.
     * SQLite only switches the checks outside a transaction, hence the explicit transaction and the order below.
     */
    static <T> T withoutForeignKeyChecks(Connection connection, SqlWork<T> work) throws SQLException {
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

    /** The snapshots of one segment, oldest first. */
    List<SnapshotPoint> history(long segmentId) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, segment_id, taken_at, reason, size"
                    + " FROM segment_snapshot WHERE segment_id = ? ORDER BY taken_at, id")) {
                statement.setLong(1, segmentId);
                return points(statement);
            }
        });
    }

    /** Every segment's snapshots, oldest first, for the trend chart. */
    List<SegmentHistory> histories() {
        return database.read(connection -> {
            Map<Long, List<SnapshotPoint>> bySegment = new LinkedHashMap<>();
            Map<Long, String> names = new LinkedHashMap<>();
            for (Segment segment : SegmentTable.listSegments(connection)) {
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
    MembershipChange diffSinceLastSnapshot(long segmentId) {
        return database.read(connection -> {
            Segment segment = SegmentTable.findById(connection, segmentId);
            Roaring64NavigableMap current = SegmentSql.selectSet(connection, SegmentSql.live(connection, SegmentSql.membership(segment), clock));
            try (PreparedStatement statement = connection.prepareStatement("SELECT taken_at, size, members"
                    + " FROM segment_snapshot WHERE segment_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1")) {
                statement.setLong(1, segmentId);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return new MembershipChange(null, current.toArray(), new long[0]);
                    }
                    long size = row.getLong(2);
                    if (size > Integer.MAX_VALUE) {
                        throw new CorruptSnapshotException("the snapshot claims " + size + " members");
                    }
                    Roaring64NavigableMap previous = MemberIds.decodeSet(row.getBytes(3), size);
                    return new MembershipChange(row.getString(1), MemberIds.difference(current, previous).toArray(),
                            MemberIds.difference(previous, current).toArray());
                }
            }
        });
    }

    /**
     * Brings segment_member in line with {@code ids}, touching only the rows that change; returns how many changed.
     * Changed ids go to SQLite as JSON arrays of {@link #ID_CHUNK}, so SQLite loops over them instead of JDBC doing
     * one call per row: a first snapshot of a million-profile store writes millions of rows.
     */
    record MemberChange(long added, long removed) {
    }

    static MemberChange refreshMembers(Connection connection, long segmentId, Roaring64NavigableMap ids) throws SQLException {
        Roaring64NavigableMap previous;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT profile_id FROM segment_member WHERE segment_id = ? ORDER BY profile_id")) {
            select.setLong(1, segmentId);
            previous = SegmentSql.readSet(select);
        }
        return refreshFrom(connection, segmentId, previous, ids);
    }

    static void apply(Connection connection, String sql, long segmentId, Roaring64NavigableMap profileIds) throws SQLException {
        if (profileIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            LongIterator ids = profileIds.getLongIterator();
            while (ids.hasNext()) {
                StringBuilder json = new StringBuilder(ID_CHUNK * 8).append('[').append(ids.next());
                for (int i = 1; i < ID_CHUNK && ids.hasNext(); i++) {
                    json.append(',').append(ids.next());
                }
                statement.setLong(1, segmentId);
                statement.setString(2, json.append(']').toString());
                statement.executeUpdate();
            }
        }
    }

    static List<SnapshotPoint> points(PreparedStatement statement) throws SQLException {
        List<SnapshotPoint> points = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                points.add(new SnapshotPoint(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getLong(5)));
            }
        }
        return points;
    }
}

package org.cdpdesktop.core.segment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.cdpdesktop.core.query.SqlFragment;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * What a snapshot was evaluated against, and the profiles that changed since. A segment's members can be carried
 * forward from its last snapshot, re-evaluating only the changed profiles, when all of these hold:
 * <ul>
 *   <li>its rule translates to the same SQL and parameters, referenced segments inlined; a relative date binds
 *       today's date, so a rule such as "signed up in the last 30 days" matches only on the day it was taken;</li>
 *   <li>the rule does not test cohorts: predictions and lookalike scoring rewrite them for profiles no import touched;</li>
 *   <li>the store holds exactly the profiles it held then plus those imports inserted since, so none was deleted
 *       or added another way;</li>
 *   <li>the changed profiles are at most a quarter of the store, or fewer than {@value #SMALL_CHANGE}: beyond both,
 *       one scan of every profile costs no more.</li>
 * </ul>
 * The changed profiles are those that import batches newer than the snapshot inserted or updated, read from the
 * store (profile.import_batch_id, profile_import), so every import path, Kafka and REST batches included, is covered
 * without telling the snapshot anything; and those edited one by one since (profile_edit: an edit made while the
 * newest batch was the snapshot's own counts too, as it may have come after the snapshot).
 */
final class ChangeBasis {

    private static final double MAX_CHANGED_SHARE = 0.25;
    static final int SMALL_CHANGE = 10_000;

    private ChangeBasis() {
    }

    /** The store as a snapshot sees it: the newest import batch and the number of profiles. */
    record Store(long lastBatch, long profiles) {

        static Store read(Connection connection) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT (SELECT coalesce(max(id), 0) FROM import_batch), (SELECT count(*) FROM profile)");
                 ResultSet row = statement.executeQuery()) {
                row.next();
                return new Store(row.getLong(1), row.getLong(2));
            }
        }
    }

    /** A segment's latest snapshot; its member ids are decoded when first asked for. */
    static final class Previous {
        private final long segmentId;
        private final long size;
        private final byte[] blob;
        private final String ruleKey;
        private final long throughBatch;
        private final long profiles;
        private Roaring64NavigableMap members;

        Previous(long segmentId, long size, byte[] blob, String ruleKey, long throughBatch, long profiles) {
            this.segmentId = segmentId;
            this.size = size;
            this.blob = blob;
            this.ruleKey = ruleKey;
            this.throughBatch = throughBatch;
            this.profiles = profiles;
        }

        long throughBatch() {
            return throughBatch;
        }

        byte[] blob() {
            return blob;
        }

        Roaring64NavigableMap members() {
            if (members == null) {
                if (size > Integer.MAX_VALUE) {
                    throw new CorruptSnapshotException("the snapshot of segment " + segmentId + " claims " + size + " members");
                }
                members = MemberIds.decodeSet(blob, size);
            }
            return members;
        }

        /** Whether the segment's rule, as translated now, selects by the same test as when this snapshot was taken. */
        boolean sameRule(SqlFragment sql) {
            return ruleKey.equals(ruleKey(sql)) && !sql.sql().contains("profile_cohort");
        }
    }

    /** Each segment's latest snapshot that recorded what it was evaluated against, by segment id. */
    static Map<Long, Previous> latestSnapshots(Connection connection) throws SQLException {
        Map<Long, Previous> latest = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT s.segment_id, s.size, s.members, s.rule_key,"
                + " s.through_batch, s.profiles FROM segment s0 JOIN segment_snapshot s ON s.id = (SELECT l.id FROM"
                + " segment_snapshot l WHERE l.segment_id = s0.id ORDER BY l.taken_at DESC, l.id DESC LIMIT 1)"
                + " WHERE s.rule_key IS NOT NULL AND s.through_batch IS NOT NULL AND s.profiles IS NOT NULL");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                latest.put(rows.getLong(1), new Previous(rows.getLong(1), rows.getLong(2), rows.getBytes(3),
                        rows.getString(4), rows.getLong(5), rows.getLong(6)));
            }
        }
        return latest;
    }

    /**
     * What changed in the store since a snapshot.
     *
     * @param onlyImported whether the store holds exactly the profiles it held then plus those imports inserted since:
     *                     then no profile was deleted, and segment_member, which only snapshots write, still holds
     *                     that snapshot's members
     * @param changed      the ids of the profiles imports inserted or updated since; {@code null} when
     *                     not only imports changed the store, or when so many changed that a full evaluation costs
     *                     no more
     */
    record Changes(boolean onlyImported, Roaring64NavigableMap changed) {
    }

    static Changes since(Connection connection, Previous before, Store now) throws SQLException {
        Roaring64NavigableMap changed = ids(connection, "SELECT id FROM profile WHERE import_batch_id > ?", before.throughBatch);
        if (now.profiles() != before.profiles + changed.getLongCardinality()) {
            return new Changes(false, null);
        }
        changed.or(ids(connection, "SELECT profile_id FROM profile_import WHERE batch_id > ?1"
                + " UNION SELECT profile_id FROM profile_edit WHERE after_batch >= ?1", before.throughBatch));
        long count = changed.getLongCardinality();
        boolean tooMany = count > SMALL_CHANGE && count > now.profiles() * MAX_CHANGED_SHARE;
        return new Changes(true, tooMany ? null : changed);
    }

    /** A digest of the SQL and parameters a rule is evaluated by. */
    static String ruleKey(SqlFragment sql) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(sql.sql().getBytes(StandardCharsets.UTF_8));
            for (Object parameter : sql.parameters()) {
                digest.update((byte) 0);
                digest.update(String.valueOf(parameter).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static Roaring64NavigableMap ids(Connection connection, String sql, long batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, batch);
            return SegmentSql.readSet(statement);
        }
    }
}

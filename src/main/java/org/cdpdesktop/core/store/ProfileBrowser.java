package org.cdpdesktop.core.store;

import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileMapping;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.core.query.ProfileQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.query.SqlFragment;

/**
 * The query side of profiles: pages of a filtered, sorted listing, the listing's size, one profile's detail and the
 * values the filter bar offers. Pages are read with LIMIT/OFFSET on the ids alone, then the rows by id (see
 * docs/decisions/0004-page-profiles-with-limit-offset.md): a table the user may drag to any row needs random access,
 * and on an indexed sort column SQLite skips rows on the index without reading them. Where SQLite has to sort, deep
 * pages are slices of the listing's whole id order instead, kept for the latest such listing (see
 * docs/decisions/0006-keep-the-id-order-of-the-latest-sorted-listing.md). Close it before the database.
 */
public final class ProfileBrowser implements AutoCloseable {

    /** The largest page one call returns, so a caller can never ask for the whole store at once. */
    public static final int MAX_PAGE_SIZE = 10_000;
    /** SQLite joins at most 500 SELECTs in one compound; one of them names the loaded ids. */
    private static final int MAX_SELECTED_RANGES = 499;

    private final Database database;
    private final ListingOrderCache orders;

    public ProfileBrowser(Database database) {
        this(database, ListingOrderCache.MAX_IDS);
    }

    /** A browser that keeps the order of listings of at most {@code maxKeptIds} profiles. */
    ProfileBrowser(Database database, int maxKeptIds) {
        this.database = database;
        this.orders = new ListingOrderCache(database, maxKeptIds);
    }

    /** Up to {@code limit} profiles of the listing, starting at row {@code offset} (0-based). */
    public List<Profile> page(ProfileQuery query, long offset, int limit) {
        if (offset < 0 || limit < 0 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("A page starts at row 0 or later and holds 0 to " + MAX_PAGE_SIZE
                    + " profiles, not offset " + offset + " and limit " + limit);
        }
        SqlFragment orderedIds = orderedIds(query);
        long[] order = orders.order(query, offset);
        List<Profile> page = database.read(connection -> rows(connection,
                order != null ? slice(order, offset, limit) : idsAt(connection, orderedIds, offset, limit)));
        if (offset == 0 && limit > 0 && page.size() == limit) {
            // A listing that fills its first page may be scrolled; one that does not has no deeper page to prepare.
            orders.prefetch(query, orderedIds);
        }
        return page;
    }

    /** Whether deep pages of {@code query} are now slices of its kept order rather than LIMIT/OFFSET queries. */
    boolean keepsOrderOf(ProfileQuery query) {
        return orders.keeps(query);
    }

    /** Every id of the listing, in its order: {@code SELECT p.id ... ORDER BY ...} without LIMIT/OFFSET. */
    private static SqlFragment orderedIds(ProfileQuery query) {
        SqlFragment where = ProfileSql.where(query);
        SqlFragment order = ProfileSql.orderBy(query.sort());
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.addAll(order.parameters());
        return new SqlFragment("SELECT p.id FROM profile p WHERE " + where.sql() + " ORDER BY " + order.sql(), parameters);
    }

    private static List<Long> idsAt(Connection connection, SqlFragment orderedIds, long offset, int limit) throws SQLException {
        List<Object> parameters = new ArrayList<>(orderedIds.parameters());
        parameters.add(limit);
        parameters.add(offset);
        List<Long> ids = new ArrayList<>(limit);
        try (PreparedStatement statement = prepare(connection, orderedIds.sql() + " LIMIT ? OFFSET ?", parameters);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        return ids;
    }

    private static List<Long> slice(long[] order, long offset, int limit) {
        int from = (int) Math.min(offset, order.length);
        int to = Math.min(order.length, from + limit);
        return Arrays.stream(order, from, to).boxed().toList();
    }

    /**
     * The profiles with these ids, in this order. Paging first finds a page's ids and then reads their rows: skipping
     * to row 900,000 then walks an index (which holds the id) or sorts (sort key, id) pairs, never whole rows.
     */
    private static List<Profile> rows(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + ProfileMapping.COLUMNS + " FROM profile p WHERE p.id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        Map<Long, Profile> byId = new HashMap<>();
        try (PreparedStatement statement = prepare(connection, sql, new ArrayList<>(ids));
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                Profile profile = ProfileMapping.read(result);
                byId.put(profile.getId(), profile);
            }
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** A run of consecutive rows of a listing: {@code count} rows from row {@code first} (0-based). */
    public record RowRange(long first, long count) {
        public RowRange {
            if (first < 0 || count < 1) {
                throw new IllegalArgumentException("A run of rows starts at row 0 or later and holds at least one row");
            }
        }
    }

    /**
     * Some rows of a listing: {@code ids} named outright (rows the caller has loaded), and the rows in {@code ranges}
     * (rows it has not), found by the listing's own order when the condition runs.
     */
    public record Selection(List<Long> ids, List<RowRange> ranges) {
        public Selection {
            if (ranges.size() > MAX_SELECTED_RANGES) {
                throw new IllegalArgumentException("A selection of more than " + MAX_SELECTED_RANGES
                        + " separate runs of rows that have not loaded yet cannot be exported; export the whole listing or fewer runs");
            }
            ids = List.copyOf(ids);
            ranges = List.copyOf(ranges);
        }
    }

    /** The condition "one of the selected rows of {@code query}'s listing" over {@code profile p}; one bound JSON array carries any number of ids. */
    public SqlFragment whereAnyOf(Selection selection, ProfileQuery query) {
        StringBuilder sql = new StringBuilder("p.id IN (SELECT value FROM json_each(?)");
        List<Object> parameters = new ArrayList<>();
        parameters.add(selection.ids().stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
        SqlFragment orderedIds = orderedIds(query);
        for (RowRange range : selection.ranges()) {
            sql.append(" UNION ALL SELECT id FROM (").append(orderedIds.sql()).append(" LIMIT ? OFFSET ?)");
            parameters.addAll(orderedIds.parameters());
            parameters.add(range.count());
            parameters.add(range.first());
        }
        return new SqlFragment(sql.append(')').toString(), parameters);
    }

    /** The listing's order as an SQL ORDER BY list over {@code profile p}, for exports in the order on screen. */
    public SqlFragment orderBy(ProfileSort sort) {
        return ProfileSql.orderBy(sort);
    }

    /** How many profiles the listing holds. */
    public long count(ProfileQuery query) {
        SqlFragment where = ProfileSql.where(query);
        return database.read(connection -> {
            try (PreparedStatement statement = prepare(connection, "SELECT count(*) FROM profile p WHERE " + where.sql(), where.parameters());
                 ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    /** The listing's condition as a boolean SQL expression over {@code profile p}, for exports of exactly these rows. */
    public SqlFragment where(ProfileQuery query) {
        return ProfileSql.where(query);
    }

    public Optional<ProfileDetail> detail(long id) {
        return database.read(connection -> {
            Profile profile;
            try (PreparedStatement statement = prepare(connection, "SELECT " + ProfileMapping.COLUMNS + " FROM profile p WHERE p.id = ?", List.of(id));
                 ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                profile = ProfileMapping.read(result);
            }
            return Optional.of(new ProfileDetail(profile, cohorts(connection, id), segments(connection, id), imports(connection, id)));
        });
    }

    /** The names of the segments each of a page's profiles belongs to, in one query rather than one per profile. */
    public Map<Long, List<String>> segmentNames(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (ids.size() > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("At most " + MAX_PAGE_SIZE + " profiles at a time, not " + ids.size());
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return database.read(connection -> {
            Map<Long, List<String>> names = new java.util.HashMap<>();
            try (PreparedStatement statement = prepare(connection, "SELECT m.profile_id, s.name FROM segment_member m"
                    + " JOIN segment s ON s.id = m.segment_id WHERE m.profile_id IN (" + marks + ") ORDER BY s.name COLLATE NOCASE",
                    new ArrayList<>(ids));
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    names.computeIfAbsent(result.getLong(1), id -> new ArrayList<>()).add(result.getString(2));
                }
            }
            return names;
        });
    }

    /** Every value the filter bar's choices offer, each list sorted. Custom attribute names come from the segments' FieldValues. */
    public FilterChoices choices() {
        return database.read(connection -> new FilterChoices(
                strings(connection, "SELECT DISTINCT country FROM profile WHERE country IS NOT NULL ORDER BY country", List.of()),
                strings(connection, "SELECT DISTINCT gender FROM profile WHERE gender IS NOT NULL ORDER BY gender", List.of()),
                // A lookalike's cohort is offered as its segment (decision 12).
                strings(connection, "SELECT DISTINCT cohort FROM profile_cohort WHERE source <> 'lookalike' ORDER BY cohort", List.of()),
                strings(connection, "SELECT name FROM segment ORDER BY name COLLATE NOCASE", List.of()),
                strings(connection, "SELECT DISTINCT file_name FROM import_batch ORDER BY file_name", List.of())));
    }

    /** What the filter bar can offer. */
    public record FilterChoices(List<String> countries, List<String> genders, List<String> cohorts, List<String> segments,
                                List<String> importFiles) {
    }

    private static List<ProfileDetail.CohortAssignment> cohorts(Connection connection, long id) throws SQLException {
        List<ProfileDetail.CohortAssignment> cohorts = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, """
                SELECT cohort, confidence, model_version, source, assigned_at FROM profile_cohort
                WHERE profile_id = ? ORDER BY confidence DESC, cohort""", List.of(id));
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                double confidence = result.getDouble(2);
                cohorts.add(new ProfileDetail.CohortAssignment(result.getString(1), result.wasNull() ? null : confidence,
                        result.getString(3), result.getString(4), result.getString(5)));
            }
        }
        return cohorts;
    }

    private static List<String> segments(Connection connection, long id) throws SQLException {
        return strings(connection, """
                SELECT s.name FROM segment_member m JOIN segment s ON s.id = m.segment_id
                WHERE m.profile_id = ? ORDER BY s.name COLLATE NOCASE""", List.of(id));
    }

    private static List<ProfileDetail.ImportEvent> imports(Connection connection, long id) throws SQLException {
        List<ProfileDetail.ImportEvent> events = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, """
                SELECT b.id, b.file_name, b.source, 'inserted' AS action, b.started_at AS at
                FROM profile p JOIN import_batch b ON b.id = p.import_batch_id WHERE p.id = ?
                UNION ALL
                SELECT b.id, b.file_name, b.source, i.action, i.at FROM profile_import i JOIN import_batch b ON b.id = i.batch_id
                WHERE i.profile_id = ?
                ORDER BY at DESC, 1 DESC""", List.of(id, id));
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                events.add(new ProfileDetail.ImportEvent(result.getLong(1), result.getString(2), result.getString(3),
                        result.getString(4), result.getString(5)));
            }
        }
        return events;
    }

    private static List<String> strings(Connection connection, String sql, List<Object> parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** Stops building a listing's order, if one is under way, so that the database can close. */
    @Override
    public void close() {
        orders.close();
    }

    static String likeContains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}

package org.cdpdesktop.core.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.Group;
import org.cdpdesktop.core.query.GroupKind;
import org.cdpdesktop.core.query.Leaf;
import org.cdpdesktop.core.query.Not;
import org.cdpdesktop.core.query.Operator;
import org.cdpdesktop.core.query.RuleFormatter;
import org.cdpdesktop.core.stats.DashboardService;

/**
 * "What sets this segment apart": for each value of country, gender, education, age band, income band, interest,
 * cohort and text custom attribute, the share among the members against the share among everyone else, with a
 * significance test corrected for the number of values tested. Every count is one GROUP BY in SQL over an index or
 * one scan, with membership tested against the member ids as a bound JSON array.
 */
public final class SegmentInsights {

    /** The false discovery rate below which a difference is reported. */
    public static final double FALSE_DISCOVERY_RATE = 0.05;
    /** Income band lower bounds; the last band is open-ended. */
    static final long[] INCOME_BANDS = {0, 25_000, 50_000, 75_000, 100_000, 150_000, 250_000};
    /** Attribute values held by fewer profiles are not tested: ids, notes and free text would only dilute the test. */
    static final int MIN_ATTRIBUTE_SUPPORT = 5;
    private static final int MAX_ATTRIBUTE_VALUE_LENGTH = 100;

    private final Database database;
    private final SegmentService segments;

    public SegmentInsights(Database database, SegmentService segments) {
        this.database = database;
        this.segments = segments;
    }

    /** The significant differences between the profiles matching {@code rule} and the rest, at most {@code limit}. */
    public InsightReport insights(Condition rule, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The number of insights must be at least 1, not " + limit);
        }
        long started = System.nanoTime();
        long[] members = segments.memberIds(rule);
        String memberJson = Arrays.toString(members);
        List<Counted> counted = database.read(connection -> {
            List<Counted> all = new ArrayList<>();
            for (ProfileField field : List.of(ProfileField.COUNTRY, ProfileField.GENDER, ProfileField.EDUCATION)) {
                textColumn(connection, field, memberJson, all);
            }
            ageBands(connection, memberJson, all);
            incomeBands(connection, memberJson, all);
            interests(connection, memberJson, all);
            cohorts(connection, memberJson, all);
            attributes(connection, memberJson, all);
            return all;
        });
        long total = database.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM profile");
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
        List<Insight> found = rank(counted, members.length, total, fieldsOf(rule));
        List<Insight> significant = found.stream().filter(Insight::significant).limit(limit).toList();
        return new InsightReport(RuleFormatter.format(rule), members.length, total, counted.size(), significant,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A value's counts before testing: how many members and how many profiles in all have it. */
    private record Counted(String dimension, String value, Condition condition, FieldRef field, long members, long all) {
    }

    private static List<Insight> rank(List<Counted> counted, long members, long total, Set<FieldRef> ruleFields) {
        long rest = total - members;
        double[] p = new double[counted.size()];
        for (int i = 0; i < p.length; i++) {
            Counted c = counted.get(i);
            p[i] = Significance.pValue(c.members(), members - c.members(), c.all() - c.members(), rest - (c.all() - c.members()));
        }
        double[] q = Significance.benjaminiHochberg(p);
        List<Insight> insights = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            Counted c = counted.get(i);
            long restCount = c.all() - c.members();
            double memberShare = members == 0 ? 0 : (double) c.members() / members;
            double restShare = rest == 0 ? 0 : (double) restCount / rest;
            double lift = restShare == 0 ? (memberShare == 0 ? 1 : Double.POSITIVE_INFINITY) : memberShare / restShare;
            insights.add(new Insight(c.dimension(), c.value(), c.condition(), c.members(), restCount, memberShare,
                    restShare, lift, p[i], q[i], q[i] < FALSE_DISCOVERY_RATE, ruleFields.contains(c.field())));
        }
        // A field the rule itself tests differs by construction, so the discoveries come before it.
        insights.sort(Comparator.comparing(Insight::significant).reversed()
                .thenComparing(Insight::inRule)
                .thenComparing(Comparator.comparingDouble((Insight insight) -> Math.abs(Math.log(insight.lift()))).reversed())
                .thenComparing(Insight::overRepresented, Comparator.reverseOrder())
                .thenComparingDouble(Insight::qValue));
        return insights;
    }

    private static Set<FieldRef> fieldsOf(Condition rule) {
        Set<FieldRef> fields = new HashSet<>();
        collect(rule, fields);
        return fields;
    }

    private static void collect(Condition condition, Set<FieldRef> fields) {
        if (condition instanceof Group group) {
            group.children().forEach(child -> collect(child, fields));
        } else if (condition instanceof Not not) {
            collect(not.child(), fields);
        } else if (condition instanceof Leaf leaf) {
            fields.add(leaf.field());
        }
    }

    private static final String IS_MEMBER = "count(*) FILTER (WHERE %s IN (SELECT value FROM json_each(?)))";

    private static void textColumn(Connection connection, ProfileField field, String memberJson, List<Counted> out) throws SQLException {
        String column = field.column();
        String sql = "SELECT min(" + column + "), " + IS_MEMBER.formatted("p.id") + ", count(*) FROM profile p WHERE "
                + column + " IS NOT NULL AND " + column + " <> '' GROUP BY " + column + " COLLATE NOCASE";
        FieldRef ref = FieldRef.profile(field);
        read(connection, sql, memberJson, (value, members, all) ->
                out.add(new Counted(field.label(), value, new Leaf(ref, Operator.EQ, value), ref, members, all)));
    }

    private static void ageBands(Connection connection, String memberJson, List<Counted> out) throws SQLException {
        int[][] bands = DashboardService.AGE_BANDS;
        StringBuilder band = new StringBuilder("CASE");
        for (int i = 0; i < bands.length - 1; i++) {
            band.append(" WHEN age <= ").append(bands[i][1]).append(" THEN ").append(i);
        }
        band.append(" ELSE ").append(bands.length - 1).append(" END");
        String sql = "SELECT " + band + " AS band, " + IS_MEMBER.formatted("p.id") + ", count(*) FROM profile p"
                + " WHERE age IS NOT NULL GROUP BY band";
        FieldRef ref = FieldRef.profile(ProfileField.AGE);
        read(connection, sql, memberJson, (value, members, all) -> {
            int i = Integer.parseInt(value);
            boolean first = i == 0;
            boolean last = i == bands.length - 1;
            Condition condition = first ? new Leaf(ref, Operator.LE, String.valueOf(bands[i][1]))
                    : last ? new Leaf(ref, Operator.GE, String.valueOf(bands[i][0]))
                    : new Leaf(ref, Operator.BETWEEN, String.valueOf(bands[i][0]), String.valueOf(bands[i][1]));
            out.add(new Counted("Age", DashboardService.ageBandLabel(bands[i], first, last), condition, ref, members, all));
        });
    }

    private static void incomeBands(Connection connection, String memberJson, List<Counted> out) throws SQLException {
        StringBuilder band = new StringBuilder("CASE");
        for (int i = 1; i < INCOME_BANDS.length; i++) {
            band.append(" WHEN income < ").append(INCOME_BANDS[i]).append(" THEN ").append(i - 1);
        }
        band.append(" ELSE ").append(INCOME_BANDS.length - 1).append(" END");
        String sql = "SELECT " + band + " AS band, " + IS_MEMBER.formatted("p.id") + ", count(*) FROM profile p"
                + " WHERE income IS NOT NULL GROUP BY band";
        FieldRef ref = FieldRef.profile(ProfileField.INCOME);
        read(connection, sql, memberJson, (value, members, all) -> {
            int i = Integer.parseInt(value);
            Condition condition;
            String label;
            if (i == 0) {
                condition = new Leaf(ref, Operator.LT, String.valueOf(INCOME_BANDS[1]));
                label = "under " + money(INCOME_BANDS[1]);
            } else if (i == INCOME_BANDS.length - 1) {
                condition = new Leaf(ref, Operator.GE, String.valueOf(INCOME_BANDS[i]));
                label = money(INCOME_BANDS[i]) + "+";
            } else {
                condition = new Group(GroupKind.AND, List.of(new Leaf(ref, Operator.GE, String.valueOf(INCOME_BANDS[i])),
                        new Leaf(ref, Operator.LT, String.valueOf(INCOME_BANDS[i + 1]))));
                label = money(INCOME_BANDS[i]) + "–" + money(INCOME_BANDS[i + 1]);
            }
            out.add(new Counted("Income", label, condition, ref, members, all));
        });
    }

    private static String money(long amount) {
        return "$" + amount / 1000 + "k";
    }

    private static void interests(Connection connection, String memberJson, List<Counted> out) throws SQLException {
        String sql = "SELECT interest, " + IS_MEMBER.formatted("profile_id") + ", count(*) FROM profile_interest GROUP BY interest";
        FieldRef ref = FieldRef.interests();
        read(connection, sql, memberJson, (value, members, all) ->
                out.add(new Counted("Interest", value, new Leaf(ref, Operator.CONTAINS, value), ref, members, all)));
    }

    private static void cohorts(Connection connection, String memberJson, List<Counted> out) throws SQLException {
        // A lookalike's members are chosen outside its seed, so they would only tell the seed apart by construction.
        String sql = "SELECT min(cohort), " + IS_MEMBER.formatted("profile_id") + ", count(*) FROM profile_cohort"
                + " WHERE source <> '" + Lookalikes.SOURCE + "' GROUP BY cohort COLLATE NOCASE";
        FieldRef ref = FieldRef.cohort();
        read(connection, sql, memberJson, (value, members, all) ->
                out.add(new Counted("Cohort", value, new Leaf(ref, Operator.EQ, value), ref, members, all)));
    }

    /**
     * Text attributes only: the rule language compares attributes as text, so a number stored as a JSON number would
     * not match the condition built from it. Ids and emails kept from merges, and values that could not be cleaned,
     * say nothing about a customer and are left out.
     */
    private static void attributes(Connection connection, String memberJson, List<Counted> out) throws SQLException {
        String sql = "SELECT a.key, min(a.value), " + IS_MEMBER.formatted("p.id") + ", count(*)"
                + " FROM profile p, json_each(p.attributes) a WHERE p.attributes <> '{}' AND a.type = 'text'"
                + " AND a.value <> '' AND length(a.value) <= " + MAX_ATTRIBUTE_VALUE_LENGTH
                + " AND a.key NOT LIKE 'invalid\\_%' ESCAPE '\\' AND a.key NOT IN ('other_external_ids', 'other_emails')"
                + " GROUP BY a.key, a.value COLLATE NOCASE HAVING count(*) >= " + MIN_ATTRIBUTE_SUPPORT;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, memberJson);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1);
                    String value = rows.getString(2);
                    FieldRef ref = FieldRef.attribute(key);
                    out.add(new Counted(ref.label(), value, new Leaf(ref, Operator.EQ, value), ref, rows.getLong(3), rows.getLong(4)));
                }
            }
        }
    }

    @FunctionalInterface
    private interface Row {
        void accept(String value, long members, long all);
    }

    private static void read(Connection connection, String sql, String memberJson, Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, memberJson);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows.getString(1), rows.getLong(2), rows.getLong(3));
                }
            }
        }
    }
}

package org.cdpdesktop.core.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
 * significance test corrected for the number of values tested. Everyone's count per value does not depend on the
 * segment, so it is counted once (one GROUP BY per field) and kept until the next write to the store; an insight then
 * costs one pass over its members' rows and their cohorts, looked up by id.
 */
public final class SegmentInsights {

    /** The false discovery rate below which a difference is reported. */
    public static final double FALSE_DISCOVERY_RATE = 0.05;
    /** Income band lower bounds; the last band is open-ended. */
    static final long[] INCOME_BANDS = {0, 25_000, 50_000, 75_000, 100_000, 150_000, 250_000};
    /** Attribute values held by fewer profiles are not tested: ids, notes and free text would only dilute the test. */
    static final int MIN_ATTRIBUTE_SUPPORT = 5;
    private static final int MAX_ATTRIBUTE_VALUE_LENGTH = 100;
    private static final List<ProfileField> TEXT_FIELDS = List.of(ProfileField.COUNTRY, ProfileField.GENDER, ProfileField.EDUCATION);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final SegmentService segments;
    private final AtomicLong writes = new AtomicLong();
    private volatile Totals totals;

    public SegmentInsights(Database database, SegmentService segments) {
        this.database = database;
        this.segments = segments;
        database.onChange(writes::incrementAndGet);
    }

    /** The significant differences between the profiles matching {@code rule} and the rest, at most {@code limit}. */
    public InsightReport insights(Condition rule, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The number of insights must be at least 1, not " + limit);
        }
        long started = System.nanoTime();
        Totals everyone = totals();
        long[] members = segments.memberIds(rule);
        long[] memberCounts = database.read(connection -> everyone.countMembers(connection, Arrays.toString(members)));
        List<Counted> counted = new ArrayList<>(everyone.values.size());
        for (int i = 0; i < memberCounts.length; i++) {
            Value value = everyone.values.get(i);
            counted.add(new Counted(value.dimension(), value.value(), value.condition(), value.field(), memberCounts[i], value.all()));
        }
        List<Insight> found = rank(counted, members.length, everyone.profiles, fieldsOf(rule));
        List<Insight> significant = found.stream().filter(Insight::significant).limit(limit).toList();
        return new InsightReport(RuleFormatter.format(rule), members.length, everyone.profiles, counted.size(), significant,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Everyone's counts, counted again after any write. A write during the count leaves the kept copy stale, so the
     * next insight counts again.
     */
    private Totals totals() {
        long version = writes.get();
        Totals kept = totals;
        if (kept != null && kept.version == version) {
            return kept;
        }
        Totals counted = database.read(connection -> Totals.count(connection, version));
        totals = counted;
        return counted;
    }

    /** A value's counts before testing: how many members and how many profiles in all have it. */
    private record Counted(String dimension, String value, Condition condition, FieldRef field, long members, long all) {
    }

    /** A value tested, with how many profiles in all have it. */
    private record Value(String dimension, String value, Condition condition, FieldRef field, long all) {
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

    /**
     * Everyone's count of each value, and where each value sits in the list by the key its members are counted under:
     * values that differ only in ASCII case are one value, as SQLite's NOCASE groups them.
     */
    private static final class Totals {
        private final long version;
        private final List<Value> values = new ArrayList<>();
        private final List<Map<String, Integer>> text = new ArrayList<>();
        private final int[] ageBands = filled(DashboardService.AGE_BANDS.length);
        private final int[] incomeBands = filled(INCOME_BANDS.length);
        private final Map<String, Integer> interests = new HashMap<>();
        private final Map<String, Integer> cohorts = new HashMap<>();
        private final Map<String, Integer> attributes = new HashMap<>();
        private long profiles;

        private Totals(long version) {
            this.version = version;
        }

        static Totals count(Connection connection, long version) throws SQLException {
            Totals totals = new Totals(version);
            for (ProfileField field : TEXT_FIELDS) {
                totals.textColumn(connection, field);
            }
            totals.ageBands(connection);
            totals.incomeBands(connection);
            totals.interests(connection);
            totals.cohorts(connection);
            totals.attributes(connection);
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM profile");
                 ResultSet row = count.executeQuery()) {
                row.next();
                totals.profiles = row.getLong(1);
            }
            return totals;
        }

        private int add(Value value) {
            values.add(value);
            return values.size() - 1;
        }

        private void textColumn(Connection connection, ProfileField field) throws SQLException {
            String column = field.column();
            FieldRef ref = FieldRef.profile(field);
            Map<String, Integer> index = new HashMap<>();
            text.add(index);
            read(connection, "SELECT min(" + column + "), count(*) FROM profile WHERE " + column + " IS NOT NULL AND "
                    + column + " <> '' GROUP BY " + column + " COLLATE NOCASE", (value, all) ->
                    index.put(foldCase(value), add(new Value(field.label(), value, new Leaf(ref, Operator.EQ, value), ref, all))));
        }

        private void ageBands(Connection connection) throws SQLException {
            int[][] bands = DashboardService.AGE_BANDS;
            StringBuilder band = new StringBuilder("CASE");
            for (int i = 0; i < bands.length - 1; i++) {
                band.append(" WHEN age <= ").append(bands[i][1]).append(" THEN ").append(i);
            }
            band.append(" ELSE ").append(bands.length - 1).append(" END");
            FieldRef ref = FieldRef.profile(ProfileField.AGE);
            read(connection, "SELECT " + band + " AS band, count(*) FROM profile WHERE age IS NOT NULL GROUP BY band", (value, all) -> {
                int i = Integer.parseInt(value);
                boolean first = i == 0;
                boolean last = i == bands.length - 1;
                Condition condition = first ? new Leaf(ref, Operator.LE, String.valueOf(bands[i][1]))
                        : last ? new Leaf(ref, Operator.GE, String.valueOf(bands[i][0]))
                        : new Leaf(ref, Operator.BETWEEN, String.valueOf(bands[i][0]), String.valueOf(bands[i][1]));
                ageBands[i] = add(new Value("Age", DashboardService.ageBandLabel(bands[i], first, last), condition, ref, all));
            });
        }

        private void incomeBands(Connection connection) throws SQLException {
            StringBuilder band = new StringBuilder("CASE");
            for (int i = 1; i < INCOME_BANDS.length; i++) {
                band.append(" WHEN income < ").append(INCOME_BANDS[i]).append(" THEN ").append(i - 1);
            }
            band.append(" ELSE ").append(INCOME_BANDS.length - 1).append(" END");
            FieldRef ref = FieldRef.profile(ProfileField.INCOME);
            read(connection, "SELECT " + band + " AS band, count(*) FROM profile WHERE income IS NOT NULL GROUP BY band", (value, all) -> {
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
                incomeBands[i] = add(new Value("Income", label, condition, ref, all));
            });
        }

        private void interests(Connection connection) throws SQLException {
            FieldRef ref = FieldRef.interests();
            read(connection, "SELECT interest, count(*) FROM profile_interest GROUP BY interest", (value, all) ->
                    interests.put(value, add(new Value("Interest", value, new Leaf(ref, Operator.CONTAINS, value), ref, all))));
        }

        private void cohorts(Connection connection) throws SQLException {
            // A lookalike's members are chosen outside its seed, so they would only tell the seed apart by construction.
            FieldRef ref = FieldRef.cohort();
            read(connection, "SELECT min(cohort), count(*) FROM profile_cohort WHERE source <> '" + Lookalikes.SOURCE
                    + "' GROUP BY cohort COLLATE NOCASE", (value, all) ->
                    cohorts.put(foldCase(value), add(new Value("Cohort", value, new Leaf(ref, Operator.EQ, value), ref, all))));
        }

        /**
         * Text attributes only: the rule language compares attributes as text, so a number stored as a JSON number would
         * not match the condition built from it. Ids and emails kept from merges, and values that could not be cleaned,
         * say nothing about a customer and are left out.
         */
        private void attributes(Connection connection) throws SQLException {
            String sql = "SELECT a.key, min(a.value), count(*) FROM profile p, json_each(p.attributes) a"
                    + " WHERE p.attributes <> '{}' AND a.type = 'text' AND a.value <> '' AND length(a.value) <= " + MAX_ATTRIBUTE_VALUE_LENGTH
                    + " AND a.key NOT LIKE 'invalid\\_%' ESCAPE '\\' AND a.key NOT IN ('other_external_ids', 'other_emails')"
                    + " GROUP BY a.key, a.value COLLATE NOCASE HAVING count(*) >= " + MIN_ATTRIBUTE_SUPPORT;
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1);
                    String value = rows.getString(2);
                    FieldRef ref = FieldRef.attribute(key);
                    attributes.put(attributeKey(key, value),
                            add(new Value(ref.label(), value, new Leaf(ref, Operator.EQ, value), ref, rows.getLong(3))));
                }
            }
        }

        /**
         * How many of the members have each value, in the order of {@link #values}: one pass over the members' rows,
         * looked up by id, and one over their cohorts. A member value that everyone's count left out (too rare an
         * attribute, too long a text) is not counted either.
         */
        long[] countMembers(Connection connection, String memberJson) throws SQLException {
            long[] counts = new long[values.size()];
            try (PreparedStatement statement = connection.prepareStatement("SELECT country, gender, education, age, income,"
                    + " interests, attributes FROM profile p WHERE p.id IN (SELECT value FROM json_each(?))")) {
                statement.setString(1, memberJson);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        for (int f = 0; f < TEXT_FIELDS.size(); f++) {
                            String value = rows.getString(f + 1);
                            if (value != null) {
                                increment(counts, text.get(f).get(foldCase(value)));
                            }
                        }
                        double age = rows.getDouble(4);
                        if (!rows.wasNull()) {
                            counts[ageBands[ageBand(age)]]++;
                        }
                        double income = rows.getDouble(5);
                        if (!rows.wasNull()) {
                            counts[incomeBands[incomeBand(income)]]++;
                        }
                        countInterests(rows.getString(6), counts);
                        countAttributes(rows.getString(7), counts);
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT cohort FROM profile_cohort WHERE source <> '"
                    + Lookalikes.SOURCE + "' AND profile_id IN (SELECT value FROM json_each(?))")) {
                statement.setString(1, memberJson);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        increment(counts, cohorts.get(foldCase(rows.getString(1))));
                    }
                }
            }
            return counts;
        }

        private static int ageBand(double age) {
            int[][] bands = DashboardService.AGE_BANDS;
            for (int i = 0; i < bands.length - 1; i++) {
                if (age <= bands[i][1]) {
                    return i;
                }
            }
            return bands.length - 1;
        }

        private static int incomeBand(double income) {
            for (int i = 1; i < INCOME_BANDS.length; i++) {
                if (income < INCOME_BANDS[i]) {
                    return i - 1;
                }
            }
            return INCOME_BANDS.length - 1;
        }

        /** The stored list holds distinct lowercase interests, as profile_interest does. */
        private void countInterests(String json, long[] counts) throws SQLException {
            if (json == null || json.equals("[]")) {
                return;
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode interest : parse(json)) {
                if (interest.isTextual() && seen.add(interest.asText())) {
                    increment(counts, interests.get(interest.asText()));
                }
            }
        }

        private void countAttributes(String json, long[] counts) throws SQLException {
            if (json == null || json.equals("{}")) {
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = parse(json).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    increment(counts, attributes.get(attributeKey(field.getKey(), field.getValue().asText())));
                }
            }
        }

        private static JsonNode parse(String json) throws SQLException {
            try {
                return JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw new SQLException("A stored profile holds malformed JSON: " + e.getOriginalMessage(), e);
            }
        }

        private static void increment(long[] counts, Integer index) {
            if (index != null) {
                counts[index]++;
            }
        }

        private static String attributeKey(String key, String value) {
            return key + '\u0000' + foldCase(value);
        }

        private static int[] filled(int length) {
            int[] indexes = new int[length];
            Arrays.fill(indexes, -1);
            return indexes;
        }
    }

    /** The key under which SQLite's NOCASE collation groups a text: ASCII letters folded, nothing else. */
    static String foldCase(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return chars == null ? text : new String(chars);
    }

    private static String money(long amount) {
        return "$" + amount / 1000 + "k";
    }

    @FunctionalInterface
    private interface Row {
        void accept(String value, long all);
    }

    private static void read(Connection connection, String sql, Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                row.accept(rows.getString(1), rows.getLong(2));
            }
        }
    }
}

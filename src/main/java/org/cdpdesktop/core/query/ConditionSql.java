package org.cdpdesktop.core.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Translates a condition into one parameterised SQL expression over {@code profile p}: the database filters,
 * never Java. Every user value is a bound parameter. Semantics, the same for every field:
 * <ul>
 *   <li>text compares case-insensitively; {@code contains}, {@code starts with}, {@code ends with} are substring tests,
 *       except on interests, where {@code contains} means "has this interest" (exact, lower-cased);</li>
 *   <li>a missing value (null, blank text, no interests, no cohort) satisfies only {@code is empty} and the negative
 *       operators ({@code !=}, {@code not in}, {@code not contains}); every comparison on it is false;</li>
 *   <li>NOT is the exact complement of its child (there is no "unknown");</li>
 *   <li>a date-only value compared with a timestamp covers that whole day: {@code createdAt = "2024-01-31"} matches
 *       any time that day; {@code in last N days} means on or after the date N days before today (UTC).</li>
 * </ul>
 */
public final class ConditionSql {

    private final SegmentRules segmentRules;
    private final Clock clock;
    private final Deque<String> segmentsBeingInlined = new ArrayDeque<>();
    private final List<Object> parameters = new ArrayList<>();

    private ConditionSql(SegmentRules segmentRules, Clock clock) {
        this.segmentRules = segmentRules;
        this.clock = clock;
    }

    /**
     * Translates {@code condition}; a {@code segment "X"} leaf tests the members stored by X's last evaluation.
     * Use {@link #toSql(Condition, SegmentRules)} to evaluate X's live rule instead.
     */
    public static SqlFragment toSql(Condition condition) {
        return new ConditionSql(null, Clock.systemUTC()).translate(condition);
    }

    /** Translates {@code condition}, inlining the live rule of every referenced segment; a reference cycle is an error. */
    public static SqlFragment toSql(Condition condition, SegmentRules segmentRules) {
        return toSql(condition, segmentRules, Clock.systemUTC());
    }

    /** As {@link #toSql(Condition, SegmentRules)}, with "today" taken from {@code clock} for relative dates. */
    public static SqlFragment toSql(Condition condition, SegmentRules segmentRules, Clock clock) {
        return new ConditionSql(segmentRules, clock).translate(condition);
    }

    private SqlFragment translate(Condition condition) {
        String sql = sql(condition);
        return new SqlFragment(sql, parameters);
    }

    private String sql(Condition condition) {
        if (condition instanceof Group group) {
            return group.children().stream()
                    .map(this::sql)
                    .collect(Collectors.joining(" " + group.kind().name() + " ", "(", ")"));
        }
        if (condition instanceof Not not) {
            return "(" + sql(not.child()) + " IS NOT TRUE)";
        }
        return "(" + leaf((Leaf) condition) + ")";
    }

    private String leaf(Leaf leaf) {
        FieldRef field = leaf.field();
        return switch (field.kind()) {
            case PROFILE -> switch (field.valueType()) {
                case NUMBER -> number("p." + field.profileField().column(), leaf);
                case DATE -> date("p." + field.profileField().column(), leaf);
                default -> text(() -> "p." + field.profileField().column(), leaf);
            };
            case ATTRIBUTE -> text(() -> {
                parameters.add(field.name());
                return "(SELECT a.value FROM json_each(p.attributes) a WHERE a.key = ?)";
            }, leaf);
            case INTEREST -> interest(leaf);
            case COHORT -> cohort(leaf);
            case SEGMENT -> segment(leaf);
        };
    }

    /** Produces the column expression, binding whatever parameters it needs at the point it is written. */
    @FunctionalInterface
    private interface Expression {
        String write();
    }

    private String text(Expression value, Leaf leaf) {
        List<String> values = RuleLiterals.textValues(leaf.field(), leaf.operator(), leaf.values());
        return switch (leaf.operator()) {
            case EQ -> equals(value.write(), values);
            case NE -> "(" + equals(value.write(), values) + ") IS NOT TRUE";
            case LT -> value.write() + " < " + bind(values.get(0)) + " COLLATE NOCASE";
            case LE -> value.write() + " <= " + bind(values.get(0)) + " COLLATE NOCASE";
            case GT -> value.write() + " > " + bind(values.get(0)) + " COLLATE NOCASE";
            case GE -> value.write() + " >= " + bind(values.get(0)) + " COLLATE NOCASE";
            case BETWEEN -> value.write() + " COLLATE NOCASE BETWEEN " + bind(values.get(0)) + " AND " + bind(values.get(1));
            case CONTAINS -> like(value.write(), "%" + escapeLike(values.get(0)) + "%");
            case NOT_CONTAINS -> "(" + like(value.write(), "%" + escapeLike(values.get(0)) + "%") + ") IS NOT TRUE";
            case STARTS_WITH -> like(value.write(), escapeLike(values.get(0)) + "%");
            case ENDS_WITH -> like(value.write(), "%" + escapeLike(values.get(0)));
            case MATCHES -> value.write() + " REGEXP " + bind(values.get(0));
            case IN -> value.write() + " COLLATE NOCASE IN " + bindList(values);
            case NOT_IN -> "(" + value.write() + " COLLATE NOCASE IN " + bindList(values) + ") IS NOT TRUE";
            case IS_EMPTY -> "coalesce(trim(" + value.write() + "), '') = ''";
            case IS_NOT_EMPTY -> "coalesce(trim(" + value.write() + "), '') <> ''";
            case IN_LAST_DAYS -> throw unsupported(leaf);
        };
    }

    private String equals(String expression, List<String> values) {
        return values.size() == 1 ? expression + " = " + bind(values.get(0)) + " COLLATE NOCASE"
                : expression + " COLLATE NOCASE IN " + bindList(values);
    }

    private String number(String column, Leaf leaf) {
        List<String> values = leaf.values();
        return switch (leaf.operator()) {
            case EQ -> column + " = " + bindNumber(values.get(0));
            case NE -> "(" + column + " = " + bindNumber(values.get(0)) + ") IS NOT TRUE";
            case LT -> column + " < " + bindNumber(values.get(0));
            case LE -> column + " <= " + bindNumber(values.get(0));
            case GT -> column + " > " + bindNumber(values.get(0));
            case GE -> column + " >= " + bindNumber(values.get(0));
            case BETWEEN -> column + " BETWEEN " + bindNumber(values.get(0)) + " AND " + bindNumber(values.get(1));
            case IN -> column + " IN " + values.stream().map(this::bindNumber).collect(Collectors.joining(", ", "(", ")"));
            case NOT_IN -> "(" + column + " IN "
                    + values.stream().map(this::bindNumber).collect(Collectors.joining(", ", "(", ")")) + ") IS NOT TRUE";
            case IS_EMPTY -> column + " IS NULL";
            case IS_NOT_EMPTY -> column + " IS NOT NULL";
            default -> throw unsupported(leaf);
        };
    }

    private String date(String column, Leaf leaf) {
        List<String> values = leaf.operator() == Operator.IN_LAST_DAYS ? leaf.values()
                : leaf.values().stream().map(value -> RuleLiterals.isoDate(value).orElseThrow()).toList();
        return switch (leaf.operator()) {
            case EQ -> dateEquals(column, values.get(0));
            case NE -> "(" + dateEquals(column, values.get(0)) + ") IS NOT TRUE";
            case LT -> column + " < " + bind(values.get(0));
            case LE -> column + " < " + bind(endOf(values.get(0)));
            case GT -> column + " >= " + bind(endOf(values.get(0)));
            case GE -> column + " >= " + bind(values.get(0));
            case BETWEEN -> column + " >= " + bind(values.get(0)) + " AND " + column + " < " + bind(endOf(values.get(1)));
            case IN_LAST_DAYS -> column + " >= " + bind(LocalDate.now(clock).minusDays(Long.parseLong(values.get(0))).toString());
            case IS_EMPTY -> "coalesce(" + column + ", '') = ''";
            case IS_NOT_EMPTY -> "coalesce(" + column + ", '') <> ''";
            default -> throw unsupported(leaf);
        };
    }

    private String dateEquals(String column, String value) {
        if (LeafRules.isDateOnly(value)) {
            return column + " >= " + bind(value) + " AND " + column + " < " + bind(endOf(value));
        }
        return column + " = " + bind(value);
    }

    /**
     * The first text that sorts after every timestamp "at or before" {@code value}: the next day for a date, so that
     * "2024-01-31T10:00" counts as on 2024-01-31; the value itself plus a high character for a full timestamp.
     */
    private static String endOf(String value) {
        if (LeafRules.isDateOnly(value)) {
            return LocalDate.parse(value).plusDays(1).toString();
        }
        return value + "\uffff";
    }

    private String interest(Leaf leaf) {
        List<String> values = leaf.values().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        String having = "p.id IN (SELECT pi.profile_id FROM profile_interest pi WHERE ";
        return switch (leaf.operator()) {
            case CONTAINS -> having + "pi.interest = " + bind(values.get(0)) + ")";
            case NOT_CONTAINS -> "p.id NOT IN (SELECT pi.profile_id FROM profile_interest pi WHERE pi.interest = "
                    + bind(values.get(0)) + ")";
            case STARTS_WITH -> having + like("pi.interest", escapeLike(values.get(0)) + "%") + ")";
            case ENDS_WITH -> having + like("pi.interest", "%" + escapeLike(values.get(0))) + ")";
            case MATCHES -> having + "pi.interest REGEXP " + bind(leaf.values().get(0)) + ")";
            case IN -> having + "pi.interest IN " + bindList(values) + ")";
            case NOT_IN -> "p.id NOT IN (SELECT pi.profile_id FROM profile_interest pi WHERE pi.interest IN "
                    + bindList(values) + ")";
            case IS_EMPTY -> "p.id NOT IN (SELECT pi.profile_id FROM profile_interest pi)";
            case IS_NOT_EMPTY -> "p.id IN (SELECT pi.profile_id FROM profile_interest pi)";
            default -> throw unsupported(leaf);
        };
    }

    private String cohort(Leaf leaf) {
        List<String> values = leaf.values();
        String inCohorts = "(SELECT pc.profile_id FROM profile_cohort pc WHERE pc.cohort COLLATE NOCASE IN ";
        return switch (leaf.operator()) {
            case EQ, IN -> "p.id IN " + inCohorts + bindList(values) + ")";
            case NE, NOT_IN -> "p.id NOT IN " + inCohorts + bindList(values) + ")";
            case IS_EMPTY -> "p.id NOT IN (SELECT pc.profile_id FROM profile_cohort pc)";
            case IS_NOT_EMPTY -> "p.id IN (SELECT pc.profile_id FROM profile_cohort pc)";
            default -> throw unsupported(leaf);
        };
    }

    private String segment(Leaf leaf) {
        String anyOf = segmentRules == null ? storedMembership(leaf.values()) : inlinedRules(leaf.values());
        return switch (leaf.operator()) {
            case EQ, IN -> anyOf;
            case NE, NOT_IN -> "(" + anyOf + ") IS NOT TRUE";
            default -> throw unsupported(leaf);
        };
    }

    private String storedMembership(List<String> names) {
        return "p.id IN (SELECT sm.profile_id FROM segment_member sm JOIN segment s ON s.id = sm.segment_id"
                + " WHERE s.name IN " + bindList(names) + ")";
    }

    private String inlinedRules(List<String> names) {
        if (names.isEmpty()) {
            return "0";
        }
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            String key = name.toLowerCase(Locale.ROOT);
            if (segmentsBeingInlined.contains(key)) {
                List<String> path = new ArrayList<>(segmentsBeingInlined);
                Collections.reverse(path);
                path.add(key);
                throw new IllegalArgumentException("Segment \"" + name + "\" refers to itself: "
                        + String.join(" -> ", path));
            }
            Optional<Condition> rule = segmentRules.ruleOf(name);
            if (rule.isEmpty()) {
                throw new IllegalArgumentException("There is no segment named \"" + name + "\"");
            }
            segmentsBeingInlined.push(key);
            parts.add(sql(rule.get()));
            segmentsBeingInlined.pop();
        }
        return String.join(" OR ", parts);
    }

    private String like(String expression, String pattern) {
        return expression + " LIKE " + bind(pattern) + " ESCAPE '\\'";
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private String bind(Object value) {
        parameters.add(value);
        return "?";
    }

    private String bindList(List<String> values) {
        return values.stream().map(this::bind).collect(Collectors.joining(", ", "(", ")"));
    }

    private String bindNumber(String value) {
        BigDecimal number = LeafRules.number(value).orElseThrow();
        if (number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return bind(number.longValueExact());
        }
        return bind(number.doubleValue());
    }

    private static IllegalStateException unsupported(Leaf leaf) {
        return new IllegalStateException("'" + leaf.operator().text() + "' on " + leaf.field().label()
                + " passed validation but has no translation");
    }
}

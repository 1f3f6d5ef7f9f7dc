package org.cdpdesktop.core.query;

import java.util.List;
import java.util.stream.Collectors;

/** Writes a condition in the text form {@link RuleParser} reads: {@code RuleParser.parse(format(c))} equals {@code c}. */
public final class RuleFormatter {

    private RuleFormatter() {
    }

    public static String format(Condition condition) {
        if (condition instanceof Group group) {
            return group.children().stream()
                    .map(RuleFormatter::operand)
                    .collect(Collectors.joining(" " + group.kind().name() + " "));
        }
        if (condition instanceof Not not) {
            return "NOT " + operand(not.child());
        }
        return leaf((Leaf) condition);
    }

    /** A group inside another group or under NOT keeps its parentheses, so the tree reads back the same shape. */
    private static String operand(Condition condition) {
        return condition instanceof Group ? "(" + format(condition) + ")" : format(condition);
    }

    private static String leaf(Leaf leaf) {
        FieldRef field = leaf.field();
        List<String> values = leaf.values();
        if (field.kind() == FieldKind.SEGMENT && leaf.operator() == Operator.EQ) {
            return "segment " + quote(values.get(0));
        }
        String subject = field(field);
        return switch (leaf.operator()) {
            case IS_EMPTY, IS_NOT_EMPTY -> subject + " " + leaf.operator().text();
            case IN, NOT_IN -> subject + " " + leaf.operator().text() + " "
                    + values.stream().map(v -> value(field, v)).collect(Collectors.joining(", ", "(", ")"));
            case BETWEEN -> subject + " between " + value(field, values.get(0)) + " and " + value(field, values.get(1));
            case IN_LAST_DAYS -> subject + " in last " + values.get(0) + " days";
            default -> subject + " " + leaf.operator().text() + " " + value(field, values.get(0));
        };
    }

    private static String field(FieldRef field) {
        return switch (field.kind()) {
            case PROFILE -> field.name();
            case ATTRIBUTE -> "attribute " + quote(field.name());
            case INTEREST -> "interests";
            case COHORT -> "cohort";
            case SEGMENT -> "segment";
        };
    }

    private static String value(FieldRef field, String value) {
        return field.valueType() == ValueType.NUMBER ? value : quote(value);
    }

    /** A value as a quoted string literal of the text form. */
    public static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}

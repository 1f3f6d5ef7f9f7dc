package org.cdpdesktop.core.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What makes a leaf valid; shared by {@link Leaf} and by the parser, which adds the position. */
final class LeafRules {

    /** Longer patterns are refused: a rule is typed by a person, and long patterns are where runaway ones hide. */
    static final int MAX_PATTERN_LENGTH = 500;
    static final int MAX_DAYS = 36_500;
    static final int REGEX_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** A problem with the value at {@code valueIndex}, or with the operator or arity when it is -1. */
    record Problem(int valueIndex, String expected, String message) {
    }

    private LeafRules() {
    }

    static Optional<Problem> check(FieldRef field, Operator operator, List<String> values) {
        ValueType type = field.valueType();
        if (!type.allows(operator)) {
            return Optional.of(new Problem(-1, "an operator for " + field.label(),
                    "'" + operator.text() + "' does not apply to " + field.label()));
        }
        if (!operator.takesList() && values.size() != operator.arity()) {
            return Optional.of(new Problem(-1, operator.arity() + " value(s)", "'" + operator.text() + "' takes "
                    + operator.arity() + (operator.arity() == 1 ? " value" : " values") + ", not " + values.size()));
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                return Optional.of(new Problem(i, "a value", "a value is missing"));
            }
            Optional<Problem> problem = checkValue(field, type, operator, value, i);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> checkValue(FieldRef field, ValueType type, Operator operator, String value, int index) {
        if (operator == Operator.IN_LAST_DAYS) {
            return isWholeNumberUpTo(value, MAX_DAYS) ? Optional.empty()
                    : Optional.of(new Problem(index, "a number of days",
                            "expected a whole number of days from 0 to " + MAX_DAYS + ", found \"" + value + "\""));
        }
        if (operator == Operator.MATCHES) {
            return patternProblem(value, index);
        }
        return switch (type) {
            case NUMBER -> number(value).isPresent() ? Optional.empty()
                    : Optional.of(new Problem(index, "a number",
                            "expected a number for " + field.label() + ", found \"" + value + "\""));
            case DATE -> isDate(value) ? Optional.empty()
                    : Optional.of(new Problem(index, "a date",
                            "expected a date like 2024-01-31 for " + field.label() + ", found \"" + value + "\""));
            case SEGMENT -> value.isBlank() ? Optional.of(new Problem(index, "a segment name", "a segment name is empty"))
                    : Optional.empty();
            case TEXT, LIST, COHORT -> Optional.empty();
        };
    }

    private static Optional<Problem> patternProblem(String value, int index) {
        if (value.length() > MAX_PATTERN_LENGTH) {
            return Optional.of(new Problem(index, "a shorter pattern",
                    "the pattern is " + value.length() + " characters long; the limit is " + MAX_PATTERN_LENGTH));
        }
        try {
            Pattern.compile(value, REGEX_FLAGS);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(new Problem(index, "a regular expression",
                    "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex()));
        }
    }

    static Optional<BigDecimal> number(String value) {
        if (value.isEmpty() || value.length() > 40 || !value.matches("-?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }

    private static boolean isWholeNumberUpTo(String value, int max) {
        return value.matches("\\d{1,6}") && Integer.parseInt(value) <= max;
    }

    static boolean isDateOnly(String value) {
        return value.length() == 10;
    }

    /** ISO-8601, or any format an import reads, e.g. {@code 3/5/2024}. */
    private static boolean isDate(String value) {
        Optional<String> iso = RuleLiterals.isoDate(value);
        if (iso.isEmpty()) {
            return false;
        }
        try {
            LocalDate.parse(iso.get().substring(0, 10));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}

package org.cdpdesktop.core.query;

import java.util.List;

/**
 * One test on one field, e.g. {@code age >= 25}. Values are text and typed by the field: the constructor rejects
 * an operator the field does not support, the wrong number of values, and values of the wrong type.
 */
public record Leaf(FieldRef field, Operator operator, List<String> values) implements Condition {

    public Leaf {
        if (field == null || operator == null || values == null) {
            throw new IllegalArgumentException("A condition needs a field, an operator and values");
        }
        values = List.copyOf(values);
        LeafRules.check(field, operator, values).ifPresent(problem -> {
            throw new IllegalArgumentException(problem.message());
        });
    }

    public Leaf(FieldRef field, Operator operator, String... values) {
        this(field, operator, List.of(values));
    }
}

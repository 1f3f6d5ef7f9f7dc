package org.cdpdesktop.core.query;

import java.util.EnumSet;
import java.util.Set;

/** How a field's values compare, and so which operators apply to it. */
public enum ValueType {
    TEXT(EnumSet.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.BETWEEN,
            Operator.CONTAINS, Operator.NOT_CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH, Operator.MATCHES,
            Operator.IN, Operator.NOT_IN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)),
    NUMBER(EnumSet.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.BETWEEN,
            Operator.IN, Operator.NOT_IN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)),
    DATE(EnumSet.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.BETWEEN,
            Operator.IN_LAST_DAYS, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)),
    /** A list of lower-cased words: {@code contains} means "has this element". */
    LIST(EnumSet.of(Operator.CONTAINS, Operator.NOT_CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH,
            Operator.MATCHES, Operator.IN, Operator.NOT_IN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)),
    /** Cohorts a profile belongs to. */
    COHORT(EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)),
    /** Membership of other segments, by name. */
    SEGMENT(EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN));

    private final Set<Operator> operators;

    ValueType(Set<Operator> operators) {
        this.operators = operators;
    }

    /** The operators that make sense for this type, in declaration order. */
    public Set<Operator> operators() {
        return EnumSet.copyOf(operators);
    }

    public boolean allows(Operator operator) {
        return operators.contains(operator);
    }
}

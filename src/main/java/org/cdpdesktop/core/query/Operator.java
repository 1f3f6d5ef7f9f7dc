package org.cdpdesktop.core.query;

/** Leaf operators, with the words the text form uses for them and the label the builder shows. */
public enum Operator {
    EQ("=", "is", 1),
    NE("!=", "is not", 1),
    LT("<", "less than", 1),
    LE("<=", "at most", 1),
    GT(">", "greater than", 1),
    GE(">=", "at least", 1),
    BETWEEN("between", "between", 2),
    CONTAINS("contains", "contains", 1),
    NOT_CONTAINS("not contains", "does not contain", 1),
    STARTS_WITH("starts with", "starts with", 1),
    ENDS_WITH("ends with", "ends with", 1),
    MATCHES("matches", "matches regex", 1),
    IN("in", "is one of", Operator.LIST),
    NOT_IN("not in", "is none of", Operator.LIST),
    IS_EMPTY("is empty", "is empty", 0),
    IS_NOT_EMPTY("is not empty", "is not empty", 0),
    IN_LAST_DAYS("in last", "in the last N days", 1);

    /** Marks operators that take a list of any length. */
    static final int LIST = -1;

    private final String text;
    private final String label;
    private final int arity;

    Operator(String text, String label, int arity) {
        this.text = text;
        this.label = label;
        this.arity = arity;
    }

    /** The operator as the text form writes it. */
    public String text() {
        return text;
    }

    public String label() {
        return label;
    }

    /** How many values the operator takes; -1 for a list of any length. */
    public int arity() {
        return arity;
    }

    public boolean takesList() {
        return arity == LIST;
    }

    @Override
    public String toString() {
        return label;
    }
}

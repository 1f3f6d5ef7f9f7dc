package org.cdpdesktop.core.query;

/** A rule's text could not be read: where (1-based character position), what was expected there, and why. */
public final class RuleSyntaxException extends IllegalArgumentException {

    private final int position;
    private final String expected;

    public RuleSyntaxException(int position, String expected, String message) {
        super("at position " + position + ": " + message);
        this.position = position;
        this.expected = expected;
    }

    /** 1-based position of the offending character in the rule text. */
    public int position() {
        return position;
    }

    /** What the parser wanted there, e.g. "a value" or "')'". */
    public String expected() {
        return expected;
    }
}

package org.cdpdesktop.core.query;

/** Matches exactly the profiles its child does not: a leaf on a missing value counts as false, never unknown. */
public record Not(Condition child) implements Condition {

    public Not {
        if (child == null) {
            throw new IllegalArgumentException("NOT needs a condition");
        }
    }
}

package org.cdpdesktop.core.query;

import java.util.List;

/**
 * Two or more conditions joined by AND or OR. A group of one would have no text form of its own
 * ({@code (a)} reads back as {@code a}), so use {@link #of} when the number of children varies.
 */
public record Group(GroupKind kind, List<Condition> children) implements Condition {

    public Group {
        if (kind == null) {
            throw new IllegalArgumentException("A group needs a kind, AND or OR");
        }
        children = List.copyOf(children);
        if (children.size() < 2) {
            throw new IllegalArgumentException("A group joins at least two conditions; use Group.of for fewer");
        }
    }

    /** The children joined by {@code kind}: the only child itself when there is one. */
    public static Condition of(GroupKind kind, List<? extends Condition> children) {
        if (children.isEmpty()) {
            throw new IllegalArgumentException("A group needs at least one condition");
        }
        if (children.size() == 1) {
            return children.get(0);
        }
        return new Group(kind, List.copyOf(children));
    }
}

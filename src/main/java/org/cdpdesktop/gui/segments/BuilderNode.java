package org.cdpdesktop.gui.segments;

import org.cdpdesktop.core.query.Condition;

/** A node of the rule being edited in the visual builder: mutable, and possibly incomplete while the user works. */
public sealed interface BuilderNode permits BuilderGroup, BuilderCondition {

    /** The finished condition; throws {@link IllegalArgumentException} saying what is missing or wrong. */
    Condition toCondition();

    /** Calls {@code listener} whenever this node or anything below it changes. */
    void onChange(Runnable listener);
}

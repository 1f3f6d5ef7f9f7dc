package org.cdpdesktop.core.segment;

import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.RuleParser;

/** A saved, named rule. {@code builtin} marks the starter segments, which the user may still edit or delete. */
public record Segment(long id, String name, String ruleText, String description, boolean builtin,
                      String createdAt, String updatedAt) {

    /** The rule as a condition tree. */
    public Condition rule() {
        return RuleParser.parse(ruleText);
    }
}

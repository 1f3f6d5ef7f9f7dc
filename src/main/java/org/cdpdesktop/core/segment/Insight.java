package org.cdpdesktop.core.segment;

import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.RuleFormatter;

/**
 * One attribute value compared between a segment's members and everyone else. {@code lift} is member share over rest
 * share (infinite when no one else has the value); {@code qValue} is the p-value after the Benjamini-Hochberg
 * correction over every value tested; {@code inRule} marks a field the segment's own rule tests, whose difference is
 * no discovery. {@code condition} selects the profiles with this value.
 */
public record Insight(String dimension, String value, Condition condition, long memberCount, long restCount,
                      double memberShare, double restShare, double lift, double pValue, double qValue,
                      boolean significant, boolean inRule) {

    public String ruleText() {
        return RuleFormatter.format(condition);
    }

    public boolean overRepresented() {
        return memberShare > restShare;
    }
}

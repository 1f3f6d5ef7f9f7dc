package org.cdpdesktop.core.query;

/**
 * A rule over profiles: AND / OR groups, NOT, and leaf conditions on one field. The visual builder, the text
 * form ({@link RuleParser}, {@link RuleFormatter}) and the SQL translation ({@link ConditionSql}) all speak it.
 */
public sealed interface Condition permits Group, Not, Leaf {
}

package org.cdpdesktop.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cdpdesktop.core.profile.ProfileField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleFormatterTest {

    @Test
    void writesTheCanonicalTextForm() {
        Condition rule = new Group(GroupKind.AND, List.of(
                new Leaf(FieldRef.profile(ProfileField.COUNTRY), Operator.IN, "US", "CA"),
                new Leaf(FieldRef.profile(ProfileField.AGE), Operator.GE, "25"),
                new Group(GroupKind.OR, List.of(
                        new Leaf(FieldRef.interests(), Operator.CONTAINS, "travel"),
                        new Leaf(FieldRef.profile(ProfileField.INCOME), Operator.GT, "100000"))),
                new Not(new Leaf(FieldRef.segment(), Operator.EQ, "churned"))));

        assertThat(RuleFormatter.format(rule)).isEqualTo("country in (\"US\", \"CA\") AND age >= 25 AND "
                + "(interests contains \"travel\" OR income > 100000) AND NOT segment \"churned\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "country in (\"US\",\"CA\") AND age >= 25 AND (interests contains \"travel\" OR income > 100000) AND NOT segment \"churned\"",
        "a_or_b = 1",
        "NOT NOT (age > 1 OR age < 0)",
        "NOT (age > 1 AND (age < 5 AND (age != 3 OR age = 4)))",
        "attribute \"we\\\"ird \\\\ name\" starts with \"x\\ty\" OR bio matches \"^a.*b$\"",
        "postalCode = 07302 AND income between 1.5 and 2 AND signupDate <= \"2024-01-31\"",
        "createdAt in last 7 days AND cohort in () AND cohort != \"vip\" AND segment not in (\"a\", \"b\")",
        "interests not in (\"x\") OR interests is empty OR city is not empty OR email ends with \"%_\"",
    })
    void parseOfFormatGivesBackTheSameTree(String text) {
        Condition condition = parseAllowingAttributeNamedLikeAField(text);

        Condition again = RuleParser.parse(RuleFormatter.format(condition));

        assertThat(again).isEqualTo(condition);
        assertThat(RuleFormatter.format(again)).isEqualTo(RuleFormatter.format(condition));
    }

    private static Condition parseAllowingAttributeNamedLikeAField(String text) {
        if (text.startsWith("a_or_b")) {
            return new Leaf(FieldRef.attribute("a_or_b"), Operator.EQ, "1");
        }
        return RuleParser.parse(text);
    }
}

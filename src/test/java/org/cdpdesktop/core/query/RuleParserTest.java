package org.cdpdesktop.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cdpdesktop.core.profile.ProfileField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleParserTest {

    private static final FieldRef COUNTRY = FieldRef.profile(ProfileField.COUNTRY);
    private static final FieldRef AGE = FieldRef.profile(ProfileField.AGE);
    private static final FieldRef INCOME = FieldRef.profile(ProfileField.INCOME);

    @Test
    void parsesTheIssueExampleWithAndBindingTighterThanOr() {
        Condition rule = RuleParser.parse("country in (\"US\",\"CA\") AND age >= 25 AND (interests contains \"travel\""
                + " OR income > 100000) AND NOT segment \"churned\"");

        assertThat(rule).isEqualTo(new Group(GroupKind.AND, List.of(
                new Leaf(COUNTRY, Operator.IN, "US", "CA"),
                new Leaf(AGE, Operator.GE, "25"),
                new Group(GroupKind.OR, List.of(
                        new Leaf(FieldRef.interests(), Operator.CONTAINS, "travel"),
                        new Leaf(INCOME, Operator.GT, "100000"))),
                new Not(new Leaf(FieldRef.segment(), Operator.EQ, "churned")))));
    }

    @Test
    void andBindsTighterThanOrWithoutParentheses() {
        Condition rule = RuleParser.parse("age < 18 or age > 65 and country = \"US\"");

        assertThat(rule).isEqualTo(new Group(GroupKind.OR, List.of(
                new Leaf(AGE, Operator.LT, "18"),
                new Group(GroupKind.AND, List.of(new Leaf(AGE, Operator.GT, "65"), new Leaf(COUNTRY, Operator.EQ, "US"))))));
    }

    @Test
    void notBindsTighterThanAnd() {
        Condition rule = RuleParser.parse("NOT age < 18 AND country = \"US\"");

        assertThat(rule).isEqualTo(new Group(GroupKind.AND, List.of(
                new Not(new Leaf(AGE, Operator.LT, "18")), new Leaf(COUNTRY, Operator.EQ, "US"))));
    }

    @Test
    void readsEveryOperator() {
        assertThat(RuleParser.parse("age between 18 and 30")).isEqualTo(new Leaf(AGE, Operator.BETWEEN, "18", "30"));
        assertThat(RuleParser.parse("city contains \"york\"")).isEqualTo(
                new Leaf(FieldRef.profile(ProfileField.CITY), Operator.CONTAINS, "york"));
        assertThat(RuleParser.parse("email not contains \"@test\"")).isEqualTo(
                new Leaf(FieldRef.profile(ProfileField.EMAIL), Operator.NOT_CONTAINS, "@test"));
        assertThat(RuleParser.parse("city starts with \"San\"")).isEqualTo(
                new Leaf(FieldRef.profile(ProfileField.CITY), Operator.STARTS_WITH, "San"));
        assertThat(RuleParser.parse("email ends with \".org\"")).isEqualTo(
                new Leaf(FieldRef.profile(ProfileField.EMAIL), Operator.ENDS_WITH, ".org"));
        assertThat(RuleParser.parse("phone matches \"^\\\\+44\"")).isEqualTo(
                new Leaf(FieldRef.profile(ProfileField.PHONE), Operator.MATCHES, "^\\+44"));
        assertThat(RuleParser.parse("country not in (\"US\")")).isEqualTo(new Leaf(COUNTRY, Operator.NOT_IN, "US"));
        assertThat(RuleParser.parse("country in ()")).isEqualTo(new Leaf(COUNTRY, Operator.IN, List.of()));
        assertThat(RuleParser.parse("interests is empty")).isEqualTo(new Leaf(FieldRef.interests(), Operator.IS_EMPTY));
        assertThat(RuleParser.parse("cohort is not empty")).isEqualTo(new Leaf(FieldRef.cohort(), Operator.IS_NOT_EMPTY));
        assertThat(RuleParser.parse("createdAt in last 30 days")).isEqualTo(
                new Leaf(FieldRef.profile(ProfileField.CREATED_AT), Operator.IN_LAST_DAYS, "30"));
        assertThat(RuleParser.parse("age != 40")).isEqualTo(new Leaf(AGE, Operator.NE, "40"));
        assertThat(RuleParser.parse("age <= 40")).isEqualTo(new Leaf(AGE, Operator.LE, "40"));
        assertThat(RuleParser.parse("attribute \"loyalty tier\" = \"gold\"")).isEqualTo(
                new Leaf(FieldRef.attribute("loyalty tier"), Operator.EQ, "gold"));
        assertThat(RuleParser.parse("segment != \"churned\"")).isEqualTo(
                new Leaf(FieldRef.segment(), Operator.NE, "churned"));
    }

    @ParameterizedTest
    @EnumSource(Operator.class)
    void readsTheWordsTheBuilderShowsForEveryOperator(Operator operator) {
        FieldRef field = FieldRef.profile(operator == Operator.IN_LAST_DAYS ? ProfileField.CREATED_AT : ProfileField.CITY);
        List<String> values = switch (operator.arity()) {
            case 0 -> List.of();
            case 2 -> List.of("a", "b");
            default -> operator == Operator.IN_LAST_DAYS ? List.of("30") : List.of("Paris");
        };
        String words = switch (operator) {
            case BETWEEN -> "city between \"a\" and \"b\"";
            case IN, NOT_IN -> "city " + operator.label() + " (\"Paris\")";
            case IN_LAST_DAYS -> "createdAt in the last 30 days";
            default -> field.name() + " " + operator.label() + (values.isEmpty() ? "" : " \"Paris\"");
        };

        assertThat(RuleParser.parse(words)).isEqualTo(new Leaf(field, operator, values));
    }

    @Test
    void typingTheBuildersIsGivesTheSameRuleAsTheEqualsSign() {
        assertThat(RuleParser.parse("country is \"Canada\" AND segment is \"Senior\"")).isEqualTo(
                RuleParser.parse("country = \"Canada\" AND segment = \"Senior\""));
    }

    @Test
    void keywordsAndFieldNamesIgnoreCaseAndColumnNamesWork() {
        assertThat(RuleParser.parse("POSTAL_CODE = 07302 and Age Is Not Empty")).isEqualTo(new Group(GroupKind.AND, List.of(
                new Leaf(FieldRef.profile(ProfileField.POSTAL_CODE), Operator.EQ, "07302"),
                new Leaf(AGE, Operator.IS_NOT_EMPTY))));
    }

    @Test
    void stringEscapesAreDecoded() {
        assertThat(RuleParser.parse("bio contains \"say \\\"hi\\\"\\\\now\\n\"")).isEqualTo(
                new Leaf(FieldRef.profile(ProfileField.BIO), Operator.CONTAINS, "say \"hi\"\\now\n"));
    }

    @Test
    void explicitParenthesesKeepANestedGroupOfTheSameKind() {
        assertThat(RuleParser.parse("age > 1 AND (age < 5 AND age != 3)")).isEqualTo(new Group(GroupKind.AND, List.of(
                new Leaf(AGE, Operator.GT, "1"),
                new Group(GroupKind.AND, List.of(new Leaf(AGE, Operator.LT, "5"), new Leaf(AGE, Operator.NE, "3"))))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "age >=                       | 7  | expected a value after '>='",
        "age >= 25 AND                | 14 | expected a field name, NOT or '('",
        "age >= \"abc\"               | 8  | expected a number for Age, found \"abc\"",
        "shoe_size > 4                | 1  | unknown field 'shoe_size'",
        "(age > 4                     | 9  | expected ')' to close the '(' at position 1",
        "age > 4)                     | 8  | expected AND, OR or the end of the rule",
        "country = \"US               | 11 | has no closing '\"'",
        "age contains 4               | 5  | 'contains' does not apply to Age",
        "country in (\"US\" \"CA\")   | 18 | expected ',' or ')'",
        "age between 1 or 5           | 15 | expected AND between the two values",
        "signupDate > \"2024-13-01\"  | 14 | expected a date like 2024-01-31",
        "createdAt in last x days     | 19 | expected a number of days",
        "country is full              | 12 | expected a value after 'is'",
        "age at 5                     | 8  | expected 'least' or 'most' after 'at'",
        "phone matches \"(\"          | 15 | invalid regular expression",
        "age ~ 5                      | 5  | unexpected character '~'",
        "country \"US\"               | 9  | expected an operator after 'country'",
    })
    void reportsThePositionAndWhatWasExpected(String text, int position, String message) {
        assertThatThrownBy(() -> RuleParser.parse(text.strip()))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.getMessage()).startsWith("at position " + position + ": ").contains(message);
                    assertThat(e.expected()).isNotBlank();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesAnEmptyRule(String text) {
        assertThatThrownBy(() -> RuleParser.parse(text))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void refusesDeepNestingInsteadOfOverflowingTheStack() {
        String deep = "(".repeat(5000) + "age > 1" + ")".repeat(5000);

        assertThatThrownBy(() -> RuleParser.parse(deep))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("nested more than");
    }
}

package org.cdpdesktop.gui.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.GroupKind;
import org.cdpdesktop.core.query.Operator;
import org.cdpdesktop.core.query.RuleParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BuilderGroupTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "age >= 25",
        "NOT age >= 25",
        "NOT NOT age >= 25",
        "country in (\"US\", \"Montréal, QC\", \"say \\\"hi\\\"\") AND age between 18 and 30",
        "country = \"US\" AND (age >= 65 OR interests contains \"travel\") AND NOT segment \"Senior\"",
        "NOT (city is empty OR (cohort != \"vip\" AND createdAt in last 30 days))",
    })
    void theBuilderTreeGivesBackTheRuleItWasMadeFrom(String text) {
        Condition rule = RuleParser.parse(text);

        assertThat(BuilderGroup.of(rule).toCondition()).isEqualTo(rule);
    }

    @Test
    void editsReachTheRootListenerAndShapeTheRule() {
        BuilderGroup root = new BuilderGroup();
        AtomicInteger changes = new AtomicInteger();
        root.onChange(changes::incrementAndGet);
        BuilderCondition country = new BuilderCondition();
        root.children().add(country);
        country.valueProperty().set("US");
        BuilderGroup inner = new BuilderGroup();
        inner.kindProperty().set(GroupKind.OR);
        root.children().add(inner);
        BuilderCondition age = new BuilderCondition();
        inner.children().add(age);
        age.fieldProperty().set(FieldRef.profile(ProfileField.AGE));
        age.operatorProperty().set(Operator.GE);
        age.valueProperty().set("65");
        BuilderCondition interest = new BuilderCondition();
        inner.children().add(interest);
        interest.fieldProperty().set(FieldRef.interests());
        interest.valueProperty().set("travel");

        assertThat(root.toCondition()).isEqualTo(RuleParser.parse(
                "country = \"US\" AND (age >= 65 OR interests contains \"travel\")"));
        assertThat(changes.get()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void aFieldChangeKeepsTheOperatorOnlyWhenItStillApplies() {
        BuilderCondition condition = new BuilderCondition();
        condition.operatorProperty().set(Operator.CONTAINS);

        condition.fieldProperty().set(FieldRef.profile(ProfileField.AGE));

        assertThat(condition.operatorProperty().get()).isEqualTo(Operator.EQ);
    }

    @Test
    void incompleteRulesSayWhatIsMissing() {
        BuilderGroup root = new BuilderGroup();
        assertThatThrownBy(root::toCondition).hasMessageContaining("group is empty");

        root.children().add(new BuilderCondition());
        assertThatThrownBy(root::toCondition).hasMessage("The condition \"Country is\" needs a value");

        BuilderCondition age = (BuilderCondition) root.children().get(0);
        age.fieldProperty().set(FieldRef.profile(ProfileField.AGE));
        age.valueProperty().set("old");
        assertThatThrownBy(root::toCondition).hasMessage("expected a number for Age, found \"old\"");
    }
}

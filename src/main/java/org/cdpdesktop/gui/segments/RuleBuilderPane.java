package org.cdpdesktop.gui.segments;

import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.GroupKind;
import org.cdpdesktop.core.query.Operator;

/**
 * The visual rule builder: nested boxes of "match all / any of" groups, each holding condition rows
 * (field, operator, value with suggestions from the data) and further groups. Edits go straight into the
 * {@link BuilderGroup} tree; a group's box is rebuilt only when its children are added or removed.
 */
final class RuleBuilderPane extends VBox {

    private final ObservableList<FieldRef> fields;
    private final Function<FieldRef, ObservableList<String>> suggestions;

    RuleBuilderPane(ObservableList<FieldRef> fields, Function<FieldRef, ObservableList<String>> suggestions) {
        this.fields = fields;
        this.suggestions = suggestions;
        getStyleClass().add("rule-builder");
    }

    void show(BuilderGroup root) {
        getChildren().setAll(root == null ? new Label() : group(root, null));
    }

    private Node group(BuilderGroup group, BuilderGroup parent) {
        ChoiceBox<GroupKind> kind = new ChoiceBox<>();
        kind.getItems().setAll(GroupKind.values());
        kind.setConverter(converter(value -> value == GroupKind.AND ? "Match ALL of" : "Match ANY of"));
        kind.valueProperty().bindBidirectional(group.kindProperty());
        kind.getStyleClass().add("rule-kind");

        CheckBox negate = new CheckBox("Exclude (NOT)");
        negate.selectedProperty().bindBidirectional(group.negatedProperty());
        negate.getStyleClass().add("rule-negate");

        Button addCondition = new Button("+ Condition");
        addCondition.getStyleClass().addAll("rule-add-condition", "flat");
        addCondition.setOnAction(event -> group.children().add(new BuilderCondition()));
        Button addGroup = new Button("+ Group");
        addGroup.getStyleClass().addAll("rule-add-group", "flat");
        addGroup.setOnAction(event -> {
            BuilderGroup inner = new BuilderGroup();
            inner.kindProperty().set(group.kindProperty().get() == GroupKind.AND ? GroupKind.OR : GroupKind.AND);
            inner.children().add(new BuilderCondition());
            group.children().add(inner);
        });
        // A narrow editor wraps the header's controls onto a second line rather than cutting their labels.
        FlowPane header = new FlowPane(8, 6, kind, negate, addCondition, addGroup);
        header.setAlignment(Pos.CENTER_LEFT);
        for (Node control : List.of(negate, addCondition, addGroup)) {
            ((Region) control).setMinWidth(Region.USE_PREF_SIZE);
        }
        if (parent != null) {
            Button remove = new Button("Remove group");
            remove.getStyleClass().addAll("rule-remove-group", "flat");
            remove.setOnAction(event -> parent.children().remove(group));
            remove.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(remove);
        }

        VBox children = new VBox(6);
        children.setPadding(new Insets(0, 0, 0, 18));
        Runnable fill = () -> children.getChildren().setAll(group.children().stream()
                .map(child -> child instanceof BuilderGroup inner ? group(inner, group) : condition((BuilderCondition) child, group))
                .toList());
        fill.run();
        group.children().addListener((ListChangeListener<BuilderNode>) change -> fill.run());

        VBox box = new VBox(6, header, children);
        box.getStyleClass().add("rule-group");
        return box;
    }

    private Node condition(BuilderCondition condition, BuilderGroup parent) {
        ComboBox<FieldRef> field = new ComboBox<>(fields);
        field.setConverter(converter(FieldRef::label));
        field.valueProperty().bindBidirectional(condition.fieldProperty());
        field.setVisibleRowCount(14);
        field.setPrefWidth(180);
        field.setMinWidth(110);
        field.getStyleClass().add("rule-field");

        ComboBox<Operator> operator = new ComboBox<>();
        operator.setConverter(converter(Operator::label));
        operator.setPrefWidth(160);
        // The operator's words ("greater than", "does not contain") must stay whole; field and value give way first.
        operator.setMinWidth(Region.USE_PREF_SIZE);
        operator.getStyleClass().add("rule-operator");

        ComboBox<String> value = new ComboBox<>();
        value.setEditable(true);
        value.setPrefWidth(220);
        value.setMinWidth(90);
        HBox.setHgrow(value, Priority.SOMETIMES);
        value.getStyleClass().add("rule-value");
        value.getEditor().textProperty().bindBidirectional(condition.valueProperty());

        Label and = new Label("and");
        TextField second = new TextField();
        second.setPrefWidth(110);
        second.setMinWidth(70);
        second.getStyleClass().add("rule-value2");
        second.textProperty().bindBidirectional(condition.secondValueProperty());

        Button remove = new Button("✕");
        remove.getStyleClass().addAll("rule-remove", "flat");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        and.setMinWidth(Region.USE_PREF_SIZE);
        remove.setOnAction(event -> parent.children().remove(condition));

        Runnable fieldChanged = () -> {
            FieldRef ref = condition.fieldProperty().get();
            operator.getItems().setAll(ref.valueType().operators());
            operator.setValue(condition.operatorProperty().get());
            value.setItems(suggestions.apply(ref));
            value.setPromptText(prompt(ref));
        };
        Runnable operatorChanged = () -> {
            Operator op = condition.operatorProperty().get();
            boolean hasValue = op != null && op.arity() != 0;
            value.setVisible(hasValue);
            value.setManaged(hasValue);
            boolean between = op == Operator.BETWEEN;
            and.setVisible(between);
            and.setManaged(between);
            second.setVisible(between);
            second.setManaged(between);
            if (op == Operator.IN_LAST_DAYS) {
                value.setPromptText("days, e.g. 30");
            } else if (op != null && op.takesList()) {
                value.setPromptText("values, separated by commas");
            } else {
                value.setPromptText(prompt(condition.fieldProperty().get()));
            }
        };
        fieldChanged.run();
        operatorChanged.run();
        condition.fieldProperty().addListener((observable, old, now) -> fieldChanged.run());
        condition.operatorProperty().addListener((observable, old, now) -> operatorChanged.run());
        operator.valueProperty().addListener((observable, old, now) -> {
            if (now != null) {
                condition.operatorProperty().set(now);
            }
        });

        HBox row = new HBox(8, field, operator, value, and, second, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("rule-condition");
        return row;
    }

    private static String prompt(FieldRef field) {
        return switch (field.valueType()) {
            case NUMBER -> "a number";
            case DATE -> "a date, e.g. 2024-01-31";
            case SEGMENT -> "a segment name";
            case COHORT -> "a cohort";
            case LIST -> "an interest";
            case TEXT -> "a value";
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("Picked from the list, never typed");
            }
        };
    }
}

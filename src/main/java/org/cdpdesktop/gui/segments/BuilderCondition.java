package org.cdpdesktop.gui.segments;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.Leaf;
import org.cdpdesktop.core.query.Operator;

/**
 * One "field operator value" row. A list value ({@code is one of}) is typed as comma-separated values, quoted like
 * CSV when a value itself holds a comma; {@code between} uses {@link #valueProperty()} and {@link #secondValueProperty()}.
 */
public final class BuilderCondition implements BuilderNode {

    private static final CSVFormat LIST = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();

    private final ObjectProperty<FieldRef> field = new SimpleObjectProperty<>(FieldRef.profile(ProfileField.COUNTRY));
    private final ObjectProperty<Operator> operator = new SimpleObjectProperty<>(Operator.EQ);
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty secondValue = new SimpleStringProperty("");
    private final List<Runnable> listeners = new ArrayList<>();

    public BuilderCondition() {
        field.addListener((observable, old, now) -> {
            if (now == null) {
                // A field list being refilled clears its combo box for a moment; a condition always has a field.
                field.set(old);
                return;
            }
            if (!now.valueType().allows(operator.get())) {
                operator.set(now.valueType().operators().iterator().next());
            }
            changed();
        });
        operator.addListener((observable, old, now) -> changed());
        value.addListener((observable, old, now) -> changed());
        secondValue.addListener((observable, old, now) -> changed());
    }

    public static BuilderCondition of(Leaf leaf) {
        BuilderCondition row = new BuilderCondition();
        row.field.set(leaf.field());
        row.operator.set(leaf.operator());
        List<String> values = leaf.values();
        if (leaf.operator().takesList()) {
            row.value.set(values.stream().map(BuilderCondition::listItem).collect(Collectors.joining(", ")));
        } else if (!values.isEmpty()) {
            row.value.set(values.get(0));
            if (values.size() > 1) {
                row.secondValue.set(values.get(1));
            }
        }
        return row;
    }

    @Override
    public Condition toCondition() {
        if (field.get() == null || operator.get() == null) {
            throw new IllegalArgumentException("A condition needs a field and an operator");
        }
        Operator op = operator.get();
        if (op.arity() != 0 && (value.get().isBlank() || op.arity() == 2 && secondValue.get().isBlank())) {
            throw new IncompleteRuleException("The condition \"" + field.get().label() + " " + op.label() + "\" needs a value");
        }
        List<String> values = switch (op.arity()) {
            case 0 -> List.of();
            case 2 -> List.of(value.get().strip(), secondValue.get().strip());
            case 1 -> List.of(value.get().strip());
            default -> listItems(value.get());
        };
        return new Leaf(field.get(), op, values);
    }

    private static String listItem(String item) {
        return item.contains(",") || item.contains("\"") || !item.equals(item.strip())
                ? "\"" + item.replace("\"", "\"\"") + "\"" : item;
    }

    private static List<String> listItems(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        try {
            List<CSVRecord> records = LIST.parse(new StringReader(text.strip())).getRecords();
            List<String> items = new ArrayList<>();
            for (CSVRecord record : records) {
                record.forEach(items::add);
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The list of values is not readable: " + e.getMessage(), e);
        }
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    public ObjectProperty<FieldRef> fieldProperty() {
        return field;
    }

    public ObjectProperty<Operator> operatorProperty() {
        return operator;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public StringProperty secondValueProperty() {
        return secondValue;
    }
}

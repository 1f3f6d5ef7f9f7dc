package org.cdpdesktop.gui.segments;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.Group;
import org.cdpdesktop.core.query.GroupKind;
import org.cdpdesktop.core.query.Leaf;
import org.cdpdesktop.core.query.Not;

/** "Match all / any of" a list of conditions and groups, optionally negated ("none of" / "not all of"). */
public final class BuilderGroup implements BuilderNode {

    private final ObjectProperty<GroupKind> kind = new SimpleObjectProperty<>(GroupKind.AND);
    private final BooleanProperty negated = new SimpleBooleanProperty(false);
    private final ObservableList<BuilderNode> children = FXCollections.observableArrayList();
    private final List<Runnable> listeners = new ArrayList<>();

    public BuilderGroup() {
        kind.addListener((observable, old, value) -> changed());
        negated.addListener((observable, old, value) -> changed());
        children.addListener((ListChangeListener<BuilderNode>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(child -> child.onChange(this::changed));
            }
            changed();
        });
    }

    /** The builder form of {@code condition}; always a group at the top, so the user has somewhere to add to. */
    public static BuilderGroup of(Condition condition) {
        BuilderGroup group = new BuilderGroup();
        if (condition instanceof Group source) {
            group.kind.set(source.kind());
            source.children().forEach(child -> group.children.add(node(child)));
        } else if (condition instanceof Not not) {
            BuilderGroup inner = of(not.child());
            group.negated.set(true);
            if (inner.negated.get()) {
                group.children.add(inner);
            } else {
                group.kind.set(inner.kind.get());
                group.children.setAll(new ArrayList<>(inner.children));
            }
        } else {
            group.children.add(BuilderCondition.of((Leaf) condition));
        }
        return group;
    }

    private static BuilderNode node(Condition condition) {
        return condition instanceof Leaf leaf ? BuilderCondition.of(leaf) : of(condition);
    }

    @Override
    public Condition toCondition() {
        if (children.isEmpty()) {
            throw new IncompleteRuleException("A group is empty: add a condition to it or remove it");
        }
        List<Condition> parts = new ArrayList<>();
        for (BuilderNode child : children) {
            parts.add(child.toCondition());
        }
        Condition joined = Group.of(kind.get(), parts);
        return negated.get() ? new Not(joined) : joined;
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    public ObjectProperty<GroupKind> kindProperty() {
        return kind;
    }

    public BooleanProperty negatedProperty() {
        return negated;
    }

    public ObservableList<BuilderNode> children() {
        return children;
    }
}

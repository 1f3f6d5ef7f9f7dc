package org.cdpdesktop.gui.segments;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.RuleFormatter;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.query.RuleSyntaxException;
import org.cdpdesktop.core.segment.Segment;
import org.cdpdesktop.core.segment.SegmentService;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The draft in the editor: its name and description, its rule as a builder tree and as text (kept in step: an edit to
 * either rewrites the other), and its live count and preview (debounced, off the FX thread, stale answers dropped).
 * The three always show the same draft: an unfinished or broken rule empties the preview and says why instead of
 * counting nothing. An unfinished rule is a step, not an error: only a rule that cannot be read shows a problem.
 */
public final class RuleEditor {

    static final Duration EDIT_DELAY = Duration.millis(300);
    static final int PREVIEW_ROWS = 100;
    static final String UNFINISHED = "Finish the rule to see who matches";
    static final String BROKEN = "Fix the rule to see who matches";
    static final String NO_MATCH = "No profile matches this rule";

    private final SegmentService segments;
    private final TaskExecutor executor;

    private final ObjectProperty<Segment> saved = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<BuilderGroup> root = new SimpleObjectProperty<>();
    private final StringProperty ruleText = new SimpleStringProperty("");
    private final StringProperty ruleProblem = new SimpleStringProperty("");
    private final StringProperty count = new SimpleStringProperty("");
    private final StringProperty previewNote = new SimpleStringProperty(UNFINISHED);
    private final ObservableList<Profile> preview = FXCollections.observableArrayList();
    private final BooleanProperty builderStale = new SimpleBooleanProperty(false);
    private final BooleanBinding isSaved = saved.isNotNull();
    private final BooleanBinding hasRule;

    private final PauseTransition countDelay = new PauseTransition(EDIT_DELAY);
    private final PauseTransition textDelay = new PauseTransition(EDIT_DELAY);
    private final ObjectProperty<Condition> rule = new SimpleObjectProperty<>();
    private boolean writingText;
    private boolean loadingTree;
    private long countRequest;

    RuleEditor(SegmentService segments, TaskExecutor executor) {
        this.segments = segments;
        this.executor = executor;
        hasRule = rule.isNotNull();
        countDelay.setOnFinished(event -> countNow());
        textDelay.setOnFinished(event -> readText());
        ruleText.addListener((observable, old, now) -> {
            if (!writingText) {
                textDelay.playFromStart();
            }
        });
        newDraft();
    }

    /** Opens {@code segment}, unless it is already the one being edited. */
    void open(Segment segment) {
        if (segment == null || saved.get() != null && saved.get().id() == segment.id()) {
            return;
        }
        textDelay.stop();
        saved.set(segment);
        name.set(segment.name());
        description.set(segment.description() == null ? "" : segment.description());
        try {
            setRoot(BuilderGroup.of(segment.rule()));
            builderChanged();
        } catch (RuleSyntaxException e) {
            setRoot(emptyGroup());
            setText(segment.ruleText());
            unreadable(e.getMessage());
            builderStale.set(true);
        }
    }

    /** An unsaved draft with one blank condition: no name, no text, no count, nothing in the preview. */
    void newDraft() {
        textDelay.stop();
        saved.set(null);
        name.set("");
        description.set("");
        setRoot(emptyGroup());
        builderChanged();
    }

    /** The draft was stored as {@code segment}. */
    void saved(Segment segment) {
        saved.set(segment);
    }

    /** Counts the draft again, e.g. after the store changed. */
    void recount() {
        if (rule.get() != null) {
            countDelay.playFromStart();
        }
    }

    private static BuilderGroup emptyGroup() {
        BuilderGroup group = new BuilderGroup();
        group.children().add(new BuilderCondition());
        return group;
    }

    private void setRoot(BuilderGroup group) {
        loadingTree = true;
        try {
            group.onChange(this::builderChanged);
            root.set(group);
        } finally {
            loadingTree = false;
        }
    }

    private void builderChanged() {
        if (loadingTree) {
            return;
        }
        try {
            Condition condition = root.get().toCondition();
            setText(RuleFormatter.format(condition));
            readable(condition);
        } catch (IncompleteRuleException e) {
            setText("");
            unfinished();
        } catch (IllegalArgumentException e) {
            setText("");
            unreadable(e.getMessage());
            builderStale.set(false);
        }
    }

    private void setText(String text) {
        writingText = true;
        try {
            ruleText.set(text);
        } finally {
            writingText = false;
        }
    }

    /** The text form was edited: when it parses, it becomes the builder's tree; cleared, the draft starts over. */
    private void readText() {
        String text = ruleText.get();
        if (text.isBlank()) {
            setRoot(emptyGroup());
            unfinished();
            return;
        }
        try {
            Condition condition = RuleParser.parse(text);
            setRoot(BuilderGroup.of(condition));
            readable(condition);
        } catch (RuleSyntaxException e) {
            unreadable(e.getMessage());
            builderStale.set(true);
        }
    }

    private void readable(Condition condition) {
        builderStale.set(false);
        rule.set(condition);
        ruleProblem.set("");
        countDelay.playFromStart();
    }

    private void unfinished() {
        builderStale.set(false);
        noRule();
        ruleProblem.set("");
        count.set("");
        previewNote.set(UNFINISHED);
    }

    private void unreadable(String problem) {
        noRule();
        ruleProblem.set(problem);
        count.set("");
        previewNote.set(BROKEN);
    }

    private void noRule() {
        rule.set(null);
        countDelay.stop();
        countRequest++;
        preview.clear();
    }

    private record Evaluation(long count, List<Profile> preview) {
    }

    private void countNow() {
        Condition counted = rule.get();
        if (counted == null) {
            return;
        }
        long request = ++countRequest;
        count.set("Counting…");
        BackgroundTask.wrap(() -> new Evaluation(segments.count(counted), segments.members(counted, PREVIEW_ROWS, 0)))
                .onSuccess(result -> {
                    if (request == countRequest) {
                        count.set(String.format("%,d matching %s", result.count(), result.count() == 1 ? "profile" : "profiles"));
                        preview.setAll(result.preview());
                        previewNote.set(NO_MATCH);
                    }
                })
                .onFailure(failure -> {
                    if (request == countRequest) {
                        count.set("Cannot count: " + ErrorDialog.describe(failure));
                        preview.clear();
                        previewNote.set(BROKEN);
                    }
                })
                .executeWith(executor);
    }

    /** The draft's rule, or null while it is unfinished or unreadable. */
    Condition rule() {
        return rule.get();
    }

    /** Why there is no rule to save: the problem, or that the rule is unfinished. */
    String whyNoRule() {
        return ruleProblem.get().isEmpty() ? "the rule is not finished" : ruleProblem.get();
    }

    /** The saved segment being edited, or null for a draft never saved. */
    public ReadOnlyObjectProperty<Segment> savedProperty() {
        return saved;
    }

    /** True once the draft is a saved segment: delete, duplicate and export need one. */
    public BooleanBinding isSavedBinding() {
        return isSaved;
    }

    /** True when the rule is finished and readable: saving needs one. */
    public BooleanBinding hasRuleBinding() {
        return hasRule;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyObjectProperty<BuilderGroup> rootProperty() {
        return root;
    }

    public StringProperty ruleTextProperty() {
        return ruleText;
    }

    public ReadOnlyStringProperty ruleProblemProperty() {
        return ruleProblem;
    }

    public ReadOnlyStringProperty countProperty() {
        return count;
    }

    /** True while the text cannot be read, so the builder still shows the last rule that could: it is not the draft. */
    public ReadOnlyBooleanProperty builderStaleProperty() {
        return builderStale;
    }

    /** What the empty preview says: finish the rule, fix it, or that nobody matches. */
    public ReadOnlyStringProperty previewNoteProperty() {
        return previewNote;
    }

    public ObservableList<Profile> preview() {
        return preview;
    }
}

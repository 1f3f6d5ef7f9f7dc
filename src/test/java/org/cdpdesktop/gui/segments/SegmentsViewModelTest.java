package org.cdpdesktop.gui.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.App;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.segment.Segment;
import org.cdpdesktop.core.segment.SegmentHistory;
import org.cdpdesktop.gui.FxWait;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Segments screen's logic without its window, on a real store. Background tasks run at once; their outcomes and
 * the editor's debounced counts arrive as later FX events, which each step waits for.
 */
class SegmentsViewModelTest {

    private static final TaskExecutor AT_ONCE = Runnable::run;

    @TempDir
    Path temp;

    private App app;
    private SegmentsViewModel segments;
    private RuleEditor editor;
    private final List<String> questions = new ArrayList<>();
    private boolean agree;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openScreen() throws Exception {
        app = App.open(temp.resolve("data"));
        profile("us-senior", "United States", 70);
        profile("us-young", "United States", 25);
        profile("ca-senior", "Canada", 80);
        segments = onFx(() -> new SegmentsViewModel(new SegmentsViewModel.Services(app.database(), app.segments(),
                app.cohorts(), app.fieldValues(), app.exporter()), AT_ONCE, new JobsViewModel(app.jobs()), (title, question, action) -> {
                    questions.add(question);
                    return agree;
                }, (format, suggestedName) -> Optional.empty()));
        editor = segments.editor();
        act(segments::activate);
        FxWait.until(() -> segments.segments().size() == 15);
    }

    @AfterEach
    void closeScreen() throws Exception {
        act(segments::deactivate);
        app.close();
    }

    @Test
    void anUntouchedNewDraftShowsNoErrorAndAsksToFinishTheRule() throws Exception {
        act(segments::newSegment);

        assertThat(editor.ruleProblemProperty().get()).isEmpty();
        assertThat(editor.countProperty().get()).isEmpty();
        assertThat(editor.previewNoteProperty().get()).isEqualTo("Finish the rule to see who matches");
        assertThat(editor.hasRuleBinding().get()).isFalse();
    }

    @Test
    void newSegmentAfterASavedOneClearsTheTextAndPreviewAsWellAsTheNameAndBuilder() throws Exception {
        open("Senior");
        FxWait.until(() -> editor.preview().size() == 2);
        assertThat(editor.ruleTextProperty().get()).isEqualTo("age >= 65");

        act(segments::newSegment);

        assertThat(editor.nameProperty().get()).isEmpty();
        assertThat(editor.ruleTextProperty().get()).isEmpty();
        assertThat(editor.preview()).isEmpty();
        assertThat(editor.countProperty().get()).isEmpty();
        assertThat(editor.rootProperty().get().children()).hasSize(1);
        assertThat(((BuilderCondition) editor.rootProperty().get().children().get(0)).valueProperty().get()).isEmpty();
        assertThat(editor.isSavedBinding().get()).isFalse();
    }

    @Test
    void anUnreadableRuleEmptiesThePreviewAndSaysWhyInsteadOfNoMatch() throws Exception {
        open("Senior");
        FxWait.until(() -> editor.preview().size() == 2);

        act(() -> editor.ruleTextProperty().set("age >= "));

        FxWait.until(() -> !editor.ruleProblemProperty().get().isEmpty());
        assertThat(editor.ruleProblemProperty().get()).startsWith("at position 8: expected a value after '>='");
        assertThat(editor.preview()).isEmpty();
        assertThat(editor.countProperty().get()).isEmpty();
        assertThat(editor.previewNoteProperty().get()).isEqualTo("Fix the rule to see who matches");
        assertThat(editor.builderStaleProperty().get()).as("the builder no longer shows the draft").isTrue();

        act(() -> editor.ruleTextProperty().set("age >= 70"));
        FxWait.until(() -> editor.preview().size() == 2);
        assertThat(editor.builderStaleProperty().get()).isFalse();
        assertThat(((BuilderCondition) editor.rootProperty().get().children().get(0)).valueProperty().get()).isEqualTo("70");
    }

    @Test
    void aRuleMatchingNobodySaysSo() throws Exception {
        act(() -> editor.ruleTextProperty().set("age > 100"));

        FxWait.until(() -> editor.countProperty().get().equals("0 matching profiles"));
        assertThat(editor.previewNoteProperty().get()).isEqualTo("No profile matches this rule");
    }

    @Test
    void deleteOnAnUnsavedDraftNeitherAsksNorDeletesAnything() throws Exception {
        act(() -> editor.ruleTextProperty().set("age > 60"));
        FxWait.until(() -> editor.hasRuleBinding().get());

        act(segments::delete);

        assertThat(questions).isEmpty();
        assertThat(editor.ruleTextProperty().get()).isEqualTo("age > 60");
        assertThat(segments.statusProperty().get()).isEqualTo("This segment is not saved, so there is nothing to delete");
        assertThat(app.segments().list()).hasSize(15);
    }

    @Test
    void deletingASavedSegmentAsksFirstAndKeepsItWhenTheUserSaysNo() throws Exception {
        open("Senior");

        agree = false;
        act(segments::delete);
        assertThat(questions).containsExactly("Delete the segment \u201cSenior\u201d with its history? This cannot be undone.");
        assertThat(app.segments().find("Senior")).isPresent();

        agree = true;
        act(segments::delete);
        assertThat(app.segments().find("Senior")).isEmpty();
        assertThat(editor.isSavedBinding().get()).isFalse();
        assertThat(segments.statusProperty().get()).isEqualTo("Deleted \u201cSenior\u201d");
    }

    @Test
    void theTrendShowsTheOpenSegmentAndTheOnesAddedToCompare() throws Exception {
        app.segments().snapshotAll("test");
        act(segments::refresh);
        open("Senior");
        FxWait.until(() -> names(segments.trend().shown()).equals(List.of("Senior")));

        long elite = app.segments().find("Elite").orElseThrow().id();
        act(() -> segments.trend().compare(elite, true));
        assertThat(names(segments.trend().shown())).containsExactly("Senior", "Elite");
        assertThat(segments.trend().others()).extracting(SegmentHistory::name).doesNotContain("Senior").contains("Elite");

        open("Elite");
        assertThat(names(segments.trend().shown())).containsExactly("Elite");
    }

    @Test
    void aNewSegmentWithoutASnapshotIsNamedInTheTrendWithWhatToDo() throws Exception {
        act(() -> {
            editor.nameProperty().set("Canadians");
            editor.ruleTextProperty().set("country = \"CA\"");
        });
        FxWait.until(() -> editor.countProperty().get().equals("1 matching profile"));
        assertThat(segments.trend().noteProperty().get()).isEqualTo("Save the segment to follow its size at every snapshot.");

        act(segments::save);

        FxWait.until(() -> segments.trend().noteProperty().get().startsWith("\u201cCanadians\u201d has no snapshot yet"));
        assertThat(segments.trend().shown()).isEmpty();
    }

    @Test
    void afterDeactivatingTheScreenNoLongerFollowsTheStore() throws Exception {
        act(segments::deactivate);

        app.segments().create("Created elsewhere", RuleParser.parse("age > 1"), "");
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents(20);

        assertThat(segments.segments()).hasSize(15);
        act(segments::activate);
        assertThat(segments.segments()).hasSize(16);
    }

    private void open(String name) throws Exception {
        Segment segment = app.segments().find(name).orElseThrow();
        act(() -> segments.open(segment));
        FxWait.until(() -> editor.nameProperty().get().equals(name));
    }

    private static List<String> names(List<SegmentHistory> histories) {
        return histories.stream().map(SegmentHistory::name).toList();
    }

    private void profile(String id, String country, int age) {
        Profile profile = new Profile();
        profile.setExternalId(id);
        profile.setCountry(country);
        profile.setAge(age);
        app.profiles().save(profile);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static void act(Runnable action) throws Exception {
        onFx(() -> {
            action.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(20);
    }

}

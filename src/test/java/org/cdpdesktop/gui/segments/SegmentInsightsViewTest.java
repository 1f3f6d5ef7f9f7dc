package org.cdpdesktop.gui.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.segment.Insight;
import org.cdpdesktop.core.segment.Segment;
import org.cdpdesktop.core.segment.SegmentSize;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.FxWait;
import org.cdpdesktop.gui.task.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SegmentInsightsViewTest {

    @TempDir
    static Path dataDirectory;
    private App app;
    private FxTaskExecutor executor;

    /** Twenty seniors who garden, twenty young gamers: gardening sets the Senior segment apart. */
    @Start
    void start(Stage stage) {
        app = App.open(dataDirectory.resolve("data-" + System.nanoTime()));
        for (int i = 0; i < 40; i++) {
            Profile profile = new Profile();
            profile.setExternalId("p" + i);
            profile.setAge(i < 20 ? 70 : 30);
            profile.setInterests(List.of(i < 20 ? "gardening" : "gaming"));
            app.profiles().save(profile);
        }
        executor = new FxTaskExecutor();
        DesktopApp.show(stage, app, executor, (format, suggested) -> Optional.empty());
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.hideStage();
        executor.close();
        app.close();
    }

    @Test
    void theInsightsOfASegmentShowWhatSetsItApartAndARowStartsANewSegment(FxRobot robot) {
        robot.clickOn("#nav-segments");
        openSegment(robot, "Senior");
        robot.clickOn("#segment-insights-tab");
        robot.clickOn("#segment-insights-run");

        @SuppressWarnings("unchecked")
        TableView<Insight> table = robot.lookup("#segment-insights").queryAs(TableView.class);
        FxWait.until(() -> table.getItems().size() >= 2);
        assertThat(robot.lookup("#segment-insights-note").queryAs(Label.class).getText())
                .startsWith("20 members against 20 others:");
        assertThat(table.getItems().get(0).value()).isEqualTo("gardening");
        assertThat(table.getItems()).noneMatch(insight -> insight.value().equals("gardening") && insight.inRule());

        var gardening = robot.lookup("#segment-insights .table-cell").match(node -> node instanceof TableCell<?, ?> cell
                && "gardening".equals(cell.getText()));
        robot.clickOn(gardening.<Node>query());
        robot.clickOn("#segment-insight-new");

        FxWait.until(() -> robot.lookup("#segment-rule-text").queryAs(TextArea.class).getText()
                .equals("interests contains \"gardening\""));
        TextField name = robot.lookup("#segment-name").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo("Interest gardening");
        FxWait.until(() -> robot.lookup("#segment-count").queryAs(Label.class).getText().equals("20 matching profiles"));
        assertThat(table.getItems()).isEmpty();

        robot.clickOn("#segment-save");
        @SuppressWarnings("unchecked")
        ListView<SegmentSize> list = robot.lookup("#segment-list").queryAs(ListView.class);
        FxWait.until(() -> list.getItems().stream().anyMatch(size ->
                size.segment().name().equals("Interest gardening") && size.size() == 20));
    }

    @Test
    void clickingAnOverlapCellListsTheProfilesInBothSegments(FxRobot robot) {
        app.segments().save("Gardeners", RuleParser.parse("interests contains \"gardening\""), null);
        List<String> names = app.segments().list().stream().map(Segment::name).toList();
        int senior = names.indexOf("Senior");
        int gardeners = names.indexOf("Gardeners");
        int gamer = names.indexOf("Gamer");

        robot.clickOn("#nav-segments");
        robot.clickOn("#overlap-tab");
        FxWait.until(() -> robot.lookup("#overlap-r" + senior + "c" + gardeners).tryQuery().isPresent());
        assertThat(robot.lookup("#overlap-r" + senior + "c" + gardeners).queryAs(Label.class).getText()).isEqualTo("20");
        assertThat(robot.lookup("#overlap-r" + senior + "c" + gamer).queryAs(Label.class).getText()).isEqualTo("0");

        Node cell = robot.lookup("#overlap-r" + gardeners + "c" + senior).query();
        scrollIntoView(robot, cell);
        robot.clickOn(cell);

        @SuppressWarnings("unchecked")
        TableView<Profile> members = robot.lookup("#overlap-members").queryAs(TableView.class);
        FxWait.until(() -> members.getItems().size() == 20);
        assertThat(members.getItems()).allMatch(profile -> profile.getAge() == 70);
        assertThat(robot.lookup("#overlap-pair").queryAs(Label.class).getText())
                .isEqualTo("In both \u201cGardeners\u201d and \u201cSenior\u201d: 20 profiles");
    }

    @Test
    void aLookalikeOfTheOpenSegmentIsSavedWithTheSizeTypedAndSaysHowItWasChosen(FxRobot robot) {
        robot.clickOn("#nav-segments");
        openSegment(robot, "Senior");
        robot.clickOn("#segment-insights-tab");
        scrollIntoView(robot, robot.lookup("#segment-lookalike-size").query());
        robot.clickOn("#segment-lookalike-size").write("5");
        robot.clickOn("#segment-lookalike-name").write("Like seniors");
        robot.clickOn("#segment-lookalike-save");

        Label note = robot.lookup("#segment-lookalike-note").queryAs(Label.class);
        FxWait.until(() -> note.getText().startsWith("Saved"));
        assertThat(note.getText()).startsWith("Saved “Like seniors”: 5 profiles like Senior (score ")
                .contains("hold-out AUC", "without age", "Strongest signs:");
        Segment saved = app.segments().find("Like seniors").orElseThrow();
        assertThat(app.segments().count(saved.rule())).isEqualTo(5);
        assertThat(app.segments().count(RuleParser.parse("segment = \"Like seniors\" AND age >= 65"))).isZero();
    }

    private static void openSegment(FxRobot robot, String name) {
        @SuppressWarnings("unchecked")
        ListView<SegmentSize> list = robot.lookup("#segment-list").queryAs(ListView.class);
        FxWait.until(() -> list.getItems().stream().anyMatch(size -> size.segment().name().equals(name)));
        robot.interact(() -> list.scrollTo(list.getItems().stream()
                .filter(size -> size.segment().name().equals(name)).findFirst().orElseThrow()));
        var cell = robot.lookup("#segment-list .list-cell").match(node -> node instanceof ListCell<?> listCell
                && listCell.getText() != null && listCell.getText().startsWith(name + "  "));
        FxWait.until(() -> cell.tryQuery().isPresent());
        robot.clickOn(cell.<Node>query());
        FxWait.until(() -> robot.lookup("#segment-name").queryAs(TextField.class).getText().equals(name));
    }


    /** Moves the map's scroll bars until {@code node} is in view, as a person scrolling to a cell would. */
    private static void scrollIntoView(FxRobot robot, Node node) {
        robot.interact(() -> {
            Node parent = node.getParent();
            while (parent != null && !(parent instanceof ScrollPane)) {
                parent = parent.getParent();
            }
            if (parent instanceof ScrollPane scroll) {
                Bounds content = scroll.getContent().getLayoutBounds();
                Bounds cell = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                Bounds view = scroll.getViewportBounds();
                scroll.setHvalue(fraction(cell.getMinX(), content.getWidth() - view.getWidth()));
                scroll.setVvalue(fraction(cell.getMinY(), content.getHeight() - view.getHeight()));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double fraction(double position, double scrollable) {
        return scrollable <= 0 ? 0 : Math.max(0, Math.min(1, position / scrollable));
    }
}

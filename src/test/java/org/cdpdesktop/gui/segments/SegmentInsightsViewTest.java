package org.cdpdesktop.gui.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
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
        waitUntil(() -> table.getItems().size() >= 2);
        assertThat(robot.lookup("#segment-insights-note").queryAs(Label.class).getText())
                .startsWith("20 members against 20 others:");
        assertThat(table.getItems().get(0).value()).isEqualTo("gardening");
        assertThat(table.getItems()).noneMatch(insight -> insight.value().equals("gardening") && insight.inRule());

        var gardening = robot.lookup("#segment-insights .table-cell").match(node -> node instanceof TableCell<?, ?> cell
                && "gardening".equals(cell.getText()));
        robot.clickOn(gardening.<Node>query());
        robot.clickOn("#segment-insight-new");

        waitUntil(() -> robot.lookup("#segment-rule-text").queryAs(TextArea.class).getText()
                .equals("interests contains \"gardening\""));
        TextField name = robot.lookup("#segment-name").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo("Interest gardening");
        waitUntil(() -> robot.lookup("#segment-count").queryAs(Label.class).getText().equals("20 matching profiles"));
        assertThat(table.getItems()).isEmpty();

        robot.clickOn("#segment-save");
        @SuppressWarnings("unchecked")
        ListView<SegmentSize> list = robot.lookup("#segment-list").queryAs(ListView.class);
        waitUntil(() -> list.getItems().stream().anyMatch(size ->
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
        waitUntil(() -> robot.lookup("#overlap-r" + senior + "c" + gardeners).tryQuery().isPresent());
        assertThat(robot.lookup("#overlap-r" + senior + "c" + gardeners).queryAs(Label.class).getText()).isEqualTo("20");
        assertThat(robot.lookup("#overlap-r" + senior + "c" + gamer).queryAs(Label.class).getText()).isEqualTo("0");

        // The Gardeners row is near the top, so its cell is on screen without scrolling the map.
        robot.clickOn("#overlap-r" + gardeners + "c" + senior);

        @SuppressWarnings("unchecked")
        TableView<Profile> members = robot.lookup("#overlap-members").queryAs(TableView.class);
        waitUntil(() -> members.getItems().size() == 20);
        assertThat(members.getItems()).allMatch(profile -> profile.getAge() == 70);
        assertThat(robot.lookup("#overlap-pair").queryAs(Label.class).getText())
                .isEqualTo("In both \u201cGardeners\u201d and \u201cSenior\u201d: 20 profiles");
    }

    private static void openSegment(FxRobot robot, String name) {
        @SuppressWarnings("unchecked")
        ListView<SegmentSize> list = robot.lookup("#segment-list").queryAs(ListView.class);
        waitUntil(() -> list.getItems().stream().anyMatch(size -> size.segment().name().equals(name)));
        robot.interact(() -> list.scrollTo(list.getItems().stream()
                .filter(size -> size.segment().name().equals(name)).findFirst().orElseThrow()));
        var cell = robot.lookup("#segment-list .list-cell").match(node -> node instanceof ListCell<?> listCell
                && listCell.getText() != null && listCell.getText().startsWith(name + "  "));
        waitUntil(() -> cell.tryQuery().isPresent());
        robot.clickOn(cell.<Node>query());
        waitUntil(() -> robot.lookup("#segment-name").queryAs(TextField.class).getText().equals(name));
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Condition not met within 10 seconds", e);
        }
    }
}

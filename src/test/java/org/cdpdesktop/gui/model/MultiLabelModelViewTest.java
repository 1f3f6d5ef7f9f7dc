package org.cdpdesktop.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.ImportFiles;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.Screen;
import org.cdpdesktop.gui.task.FxTaskExecutor;
import org.cdpdesktop.gui.FxWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MultiLabelModelViewTest {

    @TempDir
    Path temp;
    private App app;

    @Start
    void start(Stage stage) throws Exception {
        app = App.open(temp.resolve("data"));
        StringBuilder csv = new StringBuilder("id,interests,bio,cohort\n");
        for (int i = 0; i < 15; i++) {
            csv.append("t").append(i).append(",Tech|Gadgets,I build robots,Tech Savvy\n");
            csv.append("f").append(i).append(",Food|Cooking,I bake bread,Foodies\n");
            csv.append("b").append(i).append(",Tech|Food,robots that bake bread,Tech Savvy|Foodies\n");
            csv.append("h").append(i).append(",Yoga|Running,morning runs,Health & Fitness\n");
        }
        Path file = Files.writeString(temp.resolve("several.csv"), csv);
        app.importer().importJob(file, ImportFiles.defaultOptions(file)).run(JobContext.create("import", JobListener.NONE, new AtomicBoolean()));
        DesktopApp.show(stage, app, new FxTaskExecutor());
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        app.close();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static List<String> members(FxRobot robot) {
        return robot.lookup("#model-cell-members").queryListView().getItems().stream().map(String::valueOf).toList();
    }

    @Test
    void trainingOnProfilesWithSeveralCohortsShowsMultiLabelFiguresAndEachCohortsTwoByTwo(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.MODEL.navigationId());
        robot.clickOn("Train");
        robot.clickOn("#model-label-mode");
        robot.clickOn("Several cohorts per profile (one-vs-rest)");
        robot.doubleClickOn("#model-folds").write("3");
        robot.clickOn("#model-train");

        FxWait.until(90, () -> text(robot, "#model-status").startsWith("Trained"));
        assertThat(text(robot, "#model-status")).contains("on 60 profiles, 15 of them with several cohorts, one-vs-rest");
        assertThat(text(robot, "#model-subset-accuracy")).matches("\\d+\\.\\d%");
        assertThat(Double.parseDouble(text(robot, "#model-micro-f1"))).isGreaterThan(0.9);
        assertThat(Double.parseDouble(text(robot, "#model-hamming-loss"))).isLessThan(0.1);
        assertThat(text(robot, "#model-cardinality")).isEqualTo("1.25");
        assertThat(text(robot, "#model-matrix-title")).startsWith("Several cohorts per profile: each cohort's own 2x2");
        long labelled = Long.parseLong(robot.lookup("#binary-0-0").queryAs(Button.class).getText())
                + Long.parseLong(robot.lookup("#binary-0-2").queryAs(Button.class).getText());
        assertThat(labelled).as("Foodies: labelled on 30 profiles, given or not").isEqualTo(30);
        assertThat(robot.lookup("#model-per-class").queryAs(TableView.class).getItems()).hasSize(3);
        for (int row = 0; row < 3; row++) {
            assertThat(text(robot, "#threshold-" + row)).as("each cohort's own threshold").matches("\\d+\\.\\d%");
        }
        TableView<?> perClass = robot.lookup("#model-per-class").queryAs(TableView.class);
        TableColumn<?, ?> threshold = perClass.getColumns().stream().filter(c -> "Threshold".equals(c.getText())).findFirst().orElseThrow();
        assertThat(threshold.isVisible()).isTrue();
        assertThat(threshold.getCellData(0)).isEqualTo(text(robot, "#threshold-0"));
        assertThat(text(robot, "#model-macro-f1-at-half")).matches("\\d\\.\\d{3}");

        long neither = Long.parseLong(robot.lookup("#binary-0-3").queryAs(Button.class).getText());
        robot.clickOn("#binary-0-3");
        FxWait.until(90, () -> text(robot, "#model-cell-title").startsWith(neither + " profiles"));
        assertThat(text(robot, "#model-cell-title")).isEqualTo(neither + " profiles neither labelled nor given Foodies");
        assertThat(members(robot)).hasSize((int) neither).isNotEmpty()
                .allSatisfy(member -> assertThat(member).as("labelled Tech Savvy or Health & Fitness only").matches("[th]\\d+ · .*"));

        long given = Long.parseLong(robot.lookup("#binary-0-0").queryAs(Button.class).getText());
        robot.clickOn("#binary-0-0");
        FxWait.until(90, () -> text(robot, "#model-cell-title").startsWith(given + " profiles given"));
        assertThat(text(robot, "#model-cell-title")).isEqualTo(given + " profiles given Foodies and labelled it");
        assertThat(members(robot)).hasSize((int) given).isNotEmpty()
                .allSatisfy(member -> assertThat(member).as("labelled Foodies").matches("[fb]\\d+ · .*"));

        robot.clickOn("#model-activate");
        FxWait.until(90, () -> text(robot, "#model-status").contains("is now the active model"));
        robot.clickOn("Try it");
        robot.clickOn("#model-try-text").write("robots that bake bread");
        robot.clickOn("#model-try");
        FxWait.until(90, () -> text(robot, "#model-try-result").contains(" · "));
        assertThat(text(robot, "#model-try-result")).contains("Tech Savvy", "Foodies");
        assertThat(robot.lookup("#model-try-reasons").queryAs(VBox.class).getChildren()).extracting(n -> ((Label) n).getText())
                .contains("Tech Savvy", "Foodies");
    }
}

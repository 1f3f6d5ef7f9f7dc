package org.cdpdesktop.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.gui.FxWait;
import org.cdpdesktop.gui.segments.SegmentTrendChart;
import org.cdpdesktop.core.profile.ProfileFixtures;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.task.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {

    @TempDir
    static Path dataDirectory;

    private App app;
    /**
     * One executor for the whole class, never shut down (its threads are daemons): a view of an earlier test may still
     * have a timer running, such as the debounced column-layout save, and must not find its executor gone.
     */
    private static final FxTaskExecutor EXECUTOR = new FxTaskExecutor();

    @Start
    void start(Stage stage) {
        app = App.open(dataDirectory.resolve("store-" + System.nanoTime()));
        ProfileFixtures.saveFive(app.profiles());
        DesktopApp.show(stage, app, EXECUTOR);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForFxEvents();
        app.close();
    }


    @SuppressWarnings("unchecked")
    private static Node bar(FxRobot robot, String chartId, String category) {
        BarChart<Number, String> chart = robot.lookup("#" + chartId + " .chart").queryAs(BarChart.class);
        return chart.getData().get(0).getData().stream()
                .filter(bar -> bar.getYValue().equals(category))
                .map(XYChart.Data::getNode)
                .findFirst().orElseThrow();
    }

    @Test
    void showsTheStoresFiguresAsCountsAndCharts(FxRobot robot) throws Exception {
        FxWait.until(() -> robot.lookup("#chart-countries .chart").tryQuery().isPresent());

        assertThat(robot.lookup("#dashboard-profiles").queryAs(Label.class).getText()).isEqualTo("5");
        FxWait.until(() -> robot.lookup("#dashboard-model-status").queryAs(Label.class).getText().startsWith("Active: "));
        assertThat(robot.lookup("#dashboard-model-status").queryAs(Label.class).getText()).as("the bundled model").contains("macro F1");
        assertThat(robot.lookup("#chart-cohorts").lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("No cohorts yet: import a file with a cohort column.");
    }

    @Test
    void snapshotAddsAPointForEverySegmentToTheTrendChart(FxRobot robot) throws Exception {
        long segments = app.segments().list().size();

        app.segments().snapshotAll("manual");

        FxWait.until(() -> robot.lookup("#chart-segment-trend .segment-trend").tryQuery()
                .map(chart -> ((SegmentTrendChart) chart).getData().size() == segments).orElse(false));
        SegmentTrendChart trend = robot.lookup("#chart-segment-trend .segment-trend").queryAs(SegmentTrendChart.class);
        assertThat(trend.getData()).allSatisfy(series -> assertThat(series.getData()).hasSize(1));
    }

    @Test
    void clickingACountryBarOpensTheProfilesOfThatCountry(FxRobot robot) throws Exception {
        FxWait.until(() -> robot.lookup("#chart-countries .chart").tryQuery().isPresent());

        robot.clickOn(bar(robot, "chart-countries", "Canada"));

        FxWait.until(() -> robot.lookup("#profiles-count").tryQuery().isPresent()
                && robot.lookup("#profiles-count").queryAs(Label.class).getText().equals("3 profiles match"));
        assertThat(robot.lookup("#filter-country").queryComboBox().getValue()).isEqualTo("Canada");
        assertThat(robot.lookup("#profiles-search").queryAs(TextField.class).getText()).isEmpty();
    }
}

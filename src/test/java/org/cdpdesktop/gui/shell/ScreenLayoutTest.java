package org.cdpdesktop.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.jobs.JobRunner;
import org.cdpdesktop.core.sample.SampleData;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.Screen;
import org.cdpdesktop.gui.task.FxTaskExecutor;
import org.cdpdesktop.gui.FxWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen, reached through the navigation with the sample customers loaded, in a 1024x700 window: no button,
 * menu button, drop-down, column header or heading may be cut short to "...".
 */
@ExtendWith(ApplicationExtension.class)
class ScreenLayoutTest {

    private static final Set<String> HEADINGS = Set.of("screen-title", "section-title", "detail-heading", "stat-label", "filter-label",
            "empty-state-title", "app-title");
    private static final FxTaskExecutor EXECUTOR = new FxTaskExecutor();

    @TempDir
    static Path temp;
    private static Path dataDirectory;
    private App app;

    @BeforeAll
    static void loadSampleCustomers() throws Exception {
        dataDirectory = temp.resolve("data");
        try (App sample = App.open(dataDirectory)) {
            Job<ImportSummary> job = SampleData.importJob(sample.importer(), temp.resolve("sample"), sample.settings());
            JobRunner.runHere(job, JobRunner.foregroundHandle(job), JobListener.NONE);
            sample.settings().set(Settings.SAMPLE_DATA_OFFERED, "true");
        }
    }

    @Start
    void start(Stage stage) {
        app = App.open(dataDirectory);
        System.setProperty(DesktopApp.WINDOW_SIZE_PROPERTY, "1024x700");
        try {
            DesktopApp.show(stage, app, EXECUTOR);
        } finally {
            System.clearProperty(DesktopApp.WINDOW_SIZE_PROPERTY);
        }
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForFxEvents();
        app.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Screen.class)
    void noButtonOrHeadingIsCutShortAt1024x700(Screen screen, FxRobot robot) throws Exception {
        robot.clickOn("#" + screen.navigationId());
        settle(screen, robot);

        assertThat(cutShort(robot.listTargetWindows().get(0).getScene().getRoot())).as("labels cut short on " + screen.title()).isEmpty();
    }

    /** Waits for the screen's data, so the check sees what a user sees; on Profiles a row is opened in the detail. */
    private static void settle(Screen screen, FxRobot robot) throws Exception {
        if (screen == Screen.DASHBOARD) {
            FxWait.until(20, () -> robot.lookup("#chart-new-profiles .chart").tryQuery().isPresent());
        }
        if (screen == Screen.PROFILES) {
            FxWait.until(20, () -> robot.lookup("#profiles-count").queryAs(Label.class).getText().endsWith("profiles"));
            FxWait.until(20, () -> !robot.lookup("#profiles-table").queryAs(TableView.class).getItems().isEmpty()
                    && robot.lookup("#profiles-table").queryAs(TableView.class).getItems().get(0) != null);
            robot.interact(() -> robot.lookup("#profiles-table").queryAs(TableView.class).getSelectionModel().select(0));
            FxWait.until(20, () -> robot.lookup("#detail-name").tryQuery().isPresent());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> cutShort(Parent root) {
        List<String> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && checked(labeled) && isCutShort(labeled)) {
            found.add(labeled.getText() + " (" + labeled.getClass().getSimpleName() + ", " + labeled.getId() + ")");
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }

    /** Buttons, the shown value of drop-downs, column headers and headings; data cells and wrapping text are not. */
    private static boolean checked(Labeled labeled) {
        if (labeled.isWrapText() || labeled.getText() == null || labeled.getText().isBlank()) {
            return false;
        }
        if (labeled instanceof ButtonBase) {
            return true;
        }
        if (labeled instanceof ListCell<?>) {
            return labeled.getParent() != null && labeled.getParent().getStyleClass().contains("combo-box-base");
        }
        if (labeled.getParent() != null && labeled.getParent().getStyleClass().contains("column-header")) {
            return true;
        }
        return labeled.getStyleClass().stream().anyMatch(HEADINGS::contains);
    }

    private static boolean isCutShort(Labeled labeled) {
        Node shown = labeled.lookup(".text");
        if (!(shown instanceof Text text)) {
            return false;
        }
        String ellipsis = labeled.getEllipsisString();
        return text.getText() != null && text.getText().endsWith(ellipsis) && !labeled.getText().endsWith(ellipsis);
    }
}

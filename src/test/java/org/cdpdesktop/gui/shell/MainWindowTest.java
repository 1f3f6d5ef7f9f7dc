package org.cdpdesktop.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.event.Event;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.FxWait;
import org.cdpdesktop.gui.Screen;
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
class MainWindowTest {

    @TempDir
    static Path dataDir;
    /** One for the class: a view of an earlier test may still have a debounced refresh that must find it running. */
    private static final FxTaskExecutor EXECUTOR = new FxTaskExecutor();
    private App app;

    @Start
    void start(Stage stage) {
        app = App.open(dataDir.resolve("data-" + System.nanoTime()));
        app.settings().set(Settings.SAMPLE_DATA_OFFERED, "true");  // SampleDataOfferTest covers the first-start offer
        DesktopApp.show(stage, app, EXECUTOR);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForFxEvents();
        app.close();
    }

    @Test
    void everyNavigationButtonShowsItsScreen(FxRobot robot) {
        for (Screen screen : Screen.values()) {
            robot.clickOn("#" + screen.navigationId());

            assertThat(robot.lookup("#" + screen.navigationId()).queryAs(ToggleButton.class).isSelected()).isTrue();
            assertThat(robot.lookup(".screen-title").queryAllAs(Label.class))
                    .filteredOn(Node::isVisible)
                    .extracting(Label::getText)
                    .containsExactly(screen.title());
        }
    }

    @Test
    void emptyStoreShowsTheWelcomeAndTheStatusBarCountsNoProfiles(FxRobot robot) throws Exception {
        FxWait.until(5, () -> "0 profiles".equals(text(robot, "#status-profile-count")));

        assertThat(robot.lookup("#dashboard-welcome").query().isVisible()).isTrue();
        assertThat(robot.lookup(".status-text").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(text -> text.equals("Database: " + app.database().file()));
    }

    @Test
    void statusBarAndDashboardFollowWritesToTheStore(FxRobot robot) throws Exception {
        Profile ana = new Profile();
        ana.setExternalId("ck_1");
        app.profiles().save(ana);

        FxWait.until(5, () -> "1 profile".equals(text(robot, "#status-profile-count")));
        FxWait.until(5, () -> "1".equals(text(robot, "#dashboard-profiles")));
        assertThat(robot.lookup("#dashboard-welcome").query().isVisible()).isFalse();
    }

    @Test
    void welcomeButtonOpensTheImportScreen(FxRobot robot) {
        robot.clickOn("#dashboard-import");

        assertThat(robot.lookup("#" + Screen.IMPORT.navigationId()).queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void ctrlAndAScreensNumberShowsThatScreenAndTheWindowTitleNamesIt(FxRobot robot) {
        // Monocle's headless robot drops modifier keys, so the key press is delivered to the scene as the keyboard would.
        Scene scene = robot.listTargetWindows().get(0).getScene();
        robot.interact(() -> Event.fireEvent(scene, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.DIGIT3, false, true, false, false)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#" + Screen.PROFILES.navigationId()).queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(((Stage) robot.listTargetWindows().get(0)).getTitle()).isEqualTo("Profiles — CDP Desktop");
    }

    @Test
    void helpMenuOpensAboutWithTheVersionTheDataFolderAndTheLicences(FxRobot robot) {
        robot.clickOn("Help").clickOn("#menu-about");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#about-data-folder").queryAs(Label.class).getText()).contains(app.dataDirectory().root().toString());
        assertThat(robot.lookup("#about-licences").queryAs(TextArea.class).getText()).contains("OpenJFX", "SQLite", "Apache 2.0");
        robot.type(KeyCode.ENTER);
    }

    @Test
    void helpMenuListsEveryScreensShortcut(FxRobot robot) {
        robot.clickOn("Help").clickOn("#menu-shortcuts");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#shortcuts .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Ctrl+1", "Show the Dashboard screen", "Ctrl+7", "Show the API screen");
        robot.type(KeyCode.ENTER);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}

package org.cdpdesktop.gui.profiles;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.cdpdesktop.App;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.task.FxTaskExecutor;

/**
 * Opens the Profiles screen and selects a row once it has loaded, for looking at the table with the detail beside it
 * as a user would: run under the screenshot tool with the test class path, {@code ProfilesScreenshots DATA_DIR ROW}.
 */
public final class ProfilesScreenshots {

    private ProfilesScreenshots() {
    }

    public static void main(String[] args) {
        Application.launch(Walk.class, args);
    }

    /** The JavaFX application; kept apart from {@code main} so the launcher loads JavaFX from the class path. */
    public static final class Walk extends Application {

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            App app = App.open(Path.of(args.get(0)));
            app.settings().set(Settings.SAMPLE_DATA_OFFERED, "true");
            System.setProperty(DesktopApp.START_SCREEN_PROPERTY, "profiles");
            DesktopApp.show(stage, app, new FxTaskExecutor());
            selectWhenLoaded(stage, Integer.parseInt(args.get(1)));
        }

        @SuppressWarnings("unchecked")
        private static void selectWhenLoaded(Stage stage, int row) {
            PauseTransition wait = new PauseTransition(Duration.millis(300));
            wait.setOnFinished(event -> {
                TableView<Object> table = (TableView<Object>) stage.getScene().lookup("#profiles-table");
                if (table != null && table.getItems().size() > row && table.getItems().get(row) != null) {
                    table.getSelectionModel().select(row);
                } else {
                    selectWhenLoaded(stage, row);
                }
            });
            wait.play();
        }
    }
}

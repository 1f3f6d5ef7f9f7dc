package org.cdpdesktop.gui.importer;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.cdpdesktop.App;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.task.FxTaskExecutor;

/**
 * Opens the main window, drops a file on it and walks the wizard to a given step, for looking at the wizard as a
 * user would: run under the screenshot tool with the test class path.
 * {@code WizardScreenshots DATA_DIR CSV_FILE format|mapping|duplicates|summary|history}; {@code history} imports the
 * file, closes the wizard and shows the Import screen.
 */
public final class WizardScreenshots {

    private static final List<String> STEPS = List.of("format", "mapping", "duplicates", "summary", "history");

    private WizardScreenshots() {
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
        DesktopApp.show(stage, app, new FxTaskExecutor());
        FileDrop.dropOn(stage.getScene().getRoot(), List.of(Path.of(args.get(1))));
        int clicks = Math.min(STEPS.indexOf(args.get(2)), 3);
        advance(clicks, args.get(2).equals("history") ? () -> showHistory(stage) : () -> { });
    }

    /** Once the import has finished, closes the wizard and opens the Import screen with its history. */
    private static void showHistory(Stage main) {
        PauseTransition wait = new PauseTransition(Duration.millis(500));
        wait.setOnFinished(event -> {
            Button close = Window.getWindows().stream()
                    .map(window -> window.getScene().lookup("#wizard-close"))
                    .filter(node -> node instanceof Button)
                    .map(Button.class::cast)
                    .findFirst()
                    .orElse(null);
            if (close != null && !close.isDisabled() && close.getText().equals("Close")) {
                close.fire();
                ((javafx.scene.control.ToggleButton) main.getScene().lookup("#nav-import")).fire();
            } else {
                showHistory(main);
            }
        });
        wait.play();
    }

    /** Presses Next {@code clicks} times, each time once the wizard allows it, as its background work may take a while. */
    private static void advance(int clicks, Runnable then) {
        if (clicks <= 0) {
            then.run();
            return;
        }
        PauseTransition wait = new PauseTransition(Duration.millis(500));
        wait.setOnFinished(event -> {
            Button next = Window.getWindows().stream()
                    .map(window -> window.getScene().lookup("#wizard-next"))
                    .filter(node -> node instanceof Button)
                    .map(Button.class::cast)
                    .findFirst()
                    .orElse(null);
            if (next != null && !next.isDisabled()) {
                next.fire();
                advance(clicks - 1, then);
            } else {
                advance(clicks, then);
            }
        });
        wait.play();
    }
    }
}

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
 * {@code WizardScreenshots DATA_DIR CSV_FILE format|mapping|duplicates|summary}
 */
public final class WizardScreenshots {

    private static final List<String> STEPS = List.of("format", "mapping", "duplicates", "summary");

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
        int clicks = STEPS.indexOf(args.get(2));
        advance(clicks);
    }

    /** Presses Next {@code clicks} times, each time once the wizard allows it, as its background work may take a while. */
    private static void advance(int clicks) {
        if (clicks <= 0) {
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
                advance(clicks - 1);
            } else {
                advance(clicks);
            }
        });
        wait.play();
    }
    }
}

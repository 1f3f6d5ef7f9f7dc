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
 * {@code WizardScreenshots DATA_DIR CSV_FILE format|mapping|duplicates|summary|history [OUT.png WIDTHxHEIGHT]};
 * {@code history} imports the file, closes the wizard and shows the Import screen. With {@code OUT.png}, the wizard (the
 * main window for {@code history}) is sized to {@code WIDTHxHEIGHT} and its content saved as that PNG, then the tool
 * exits: this works headless under Monocle too, where no screen can be grabbed.
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
        Runnable capture = args.size() < 5 ? () -> { } : () -> capture(args.get(2).equals("history") ? stage : wizard(stage),
                Path.of(args.get(3)), args.get(4));
        advance(clicks, args.get(2).equals("history") ? () -> showHistory(stage, capture) : capture);
    }

    private static Window wizard(Stage main) {
        return Window.getWindows().stream().filter(window -> window != main).findFirst().orElse(main);
    }

    /** Sizes the window, lets layout and background reads settle, and writes its scene as a PNG. */
    private static void capture(Window window, Path out, String size) {
        String[] parts = size.split("x");
        window.setWidth(Double.parseDouble(parts[0]));
        window.setHeight(Double.parseDouble(parts[1]));
        PauseTransition settle = new PauseTransition(Duration.millis(2500));
        settle.setOnFinished(event -> {
            javafx.scene.image.WritableImage image = window.getScene().snapshot(null);
            java.awt.image.BufferedImage png = new java.awt.image.BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < png.getHeight(); y++) {
                for (int x = 0; x < png.getWidth(); x++) {
                    png.setRGB(x, y, image.getPixelReader().getArgb(x, y));
                }
            }
            try {
                javax.imageio.ImageIO.write(png, "png", out.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            javafx.application.Platform.exit();
            System.exit(0);
        });
        settle.play();
    }

    /** Once the import has finished, closes the wizard and opens the Import screen with its history. */
    private static void showHistory(Stage main, Runnable then) {
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
                then.run();
            } else {
                showHistory(main, then);
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

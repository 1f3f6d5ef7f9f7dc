package org.cdpdesktop.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.DesktopStart;
import org.cdpdesktop.core.DataDirectory;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.gui.shell.MainView;
import org.cdpdesktop.gui.task.FxTaskExecutor;

/** The desktop door: opens the services on the data folder, then the main window. */
public final class DesktopApp extends Application {

    /** {@code -Dcdp.screen=profiles} opens that screen first (names as in the navigation: dashboard, import, ...). */
    public static final String START_SCREEN_PROPERTY = "cdp.screen";
    public static final String WINDOW_SIZE_PROPERTY = "cdp.window";

    private static volatile DesktopStart request;

    private App app;
    private FxTaskExecutor executor;
    private Throwable startupFailure;

    /** Opens the desktop app on the data folder and files of {@code start}; returns when its last window closes. */
    public static void launchOn(DesktopStart start) {
        request = start;
        Application.launch(DesktopApp.class);
    }

    @Override
    public void init() {
        try {
            app = App.open(Optional.ofNullable(request).map(DesktopStart::dataDirectory)
                    .orElseGet(() -> DataDirectory.chooseForThisUser(Optional.empty())));
        } catch (RuntimeException e) {
            startupFailure = e;
        }
    }

    @Override
    public void start(Stage stage) {
        ErrorDialog.installUncaughtExceptionHandler();
        if (startupFailure != null) {
            applyTheme("light");
            ErrorDialog.show("CDP Desktop cannot start", startupFailure);
            return;
        }
        executor = new FxTaskExecutor();
        show(stage, app, executor, Optional.ofNullable(request).map(DesktopStart::filesToImport).orElse(List.of()));
    }

    /** Builds the main window on {@code stage}; tests call it with an App on a temporary data folder. */
    public static void show(Stage stage, App app, FxTaskExecutor executor) {
        show(stage, app, executor, List.of());
    }

    /** The main window, then one import wizard after another for {@code filesToImport}. */
    public static void show(Stage stage, App app, FxTaskExecutor executor, List<Path> filesToImport) {
        show(stage, app, executor, new ExportDialog(app.settings()), filesToImport);
    }

    /** The main window with exports asking {@code exportFiles} where to write, as tests answer in place of the Save dialog. */
    public static void show(Stage stage, App app, FxTaskExecutor executor, ExportFileChooser exportFiles) {
        show(stage, app, executor, exportFiles, List.of());
    }

    private static void show(Stage stage, App app, FxTaskExecutor executor, ExportFileChooser exportFiles, List<Path> filesToImport) {
        applyTheme(app.settings().get(Settings.THEME).orElse("light"));
        ControllerFactory controllers = new ControllerFactory(app, executor, exportFiles, new FxDialogs(() -> stage));
        Parent root = controllers.viewLoader().load(MainView.class);
        Scene scene = new Scene(root, windowSize(0, 1280), windowSize(1, 800));
        scene.getStylesheets().add(Objects.requireNonNull(DesktopApp.class.getResource("app.css")).toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        Optional.ofNullable(System.getProperty(START_SCREEN_PROPERTY))
                .map(name -> scene.lookup("#nav-" + name.toLowerCase(Locale.ROOT)))
                .filter(ToggleButton.class::isInstance)
                .ifPresent(button -> ((ToggleButton) button).fire());
        if (!filesToImport.isEmpty()) {
            controllers.imports().enqueue(filesToImport);
        }
    }

    /** {@code -Dcdp.window=WIDTHxHEIGHT}: the first window's size, e.g. to check a layout at 1024x700. */
    private static double windowSize(int part, double fallback) {
        String size = System.getProperty(WINDOW_SIZE_PROPERTY, "");
        String[] parts = size.split("x");
        try {
            return parts.length == 2 ? Double.parseDouble(parts[part]) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void applyTheme(String theme) {
        Application.setUserAgentStylesheet("dark".equals(theme)
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
        if (app != null) {
            app.close();
        }
    }
}

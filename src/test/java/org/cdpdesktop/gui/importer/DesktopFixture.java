package org.cdpdesktop.gui.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cdpdesktop.App;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.task.FxTaskExecutor;
import org.cdpdesktop.gui.FxWait;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on a real store in a test's temporary folder, closed in an order that leaves no late work behind. */
final class DesktopFixture implements AutoCloseable {

    /** Longer than the views' debounce after a write, so their last refresh has been handed to the executor. */
    private static final long SETTLE_MILLIS = 400;

    private final App app;
    private final FxTaskExecutor executor = new FxTaskExecutor();

    DesktopFixture(App app) {
        this.app = app;
    }

    /** Call from {@code @Start}, on the FX thread. */
    void show(Stage stage) {
        DesktopApp.show(stage, app, executor);
    }

    /** As the app opens with files on its command line. Call from {@code @Start}, on the FX thread. */
    void show(Stage stage, List<Path> filesToImport) {
        DesktopApp.show(stage, app, executor, filesToImport);
    }

    App app() {
        return app;
    }

    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().toList().forEach(Window::hide)).get();
        app.close();
        WaitForAsyncUtils.sleep(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        executor.close();
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        FxWait.until(30, condition::getAsBoolean);
    }
}

package org.cdpdesktop;

import org.cdpdesktop.cli.RootCommand;
import org.cdpdesktop.gui.DesktopApp;

/**
 * Entry point of {@code java -jar cdp-desktop.jar}. Not a JavaFX Application, so that a CLI command never
 * touches the JavaFX toolkit and runs with no display; with no command it opens the desktop app, and with file
 * arguments (a file manager's "Open with") it opens them in the import wizard.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(RootCommand.execute(args, DesktopApp::launchOn));
    }
}

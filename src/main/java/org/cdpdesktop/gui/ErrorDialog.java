package org.cdpdesktop.gui;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import org.cdpdesktop.core.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The readable face of a failure: a short message for the user, the stack trace for the log only. */
public final class ErrorDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialog.class);

    private ErrorDialog() {
    }

    /** Installs the one handler for exceptions nobody caught, on any thread. */
    public static void installUncaughtExceptionHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            LOG.error("Uncaught exception in {}", thread.getName(), failure);
            show("Something went wrong", failure);
        });
    }

    public static void show(String title, Throwable failure) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> show(title, failure));
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(describe(failure));
        TextArea details = new TextArea("The full details are in the log file.");
        details.setEditable(false);
        alert.getDialogPane().setExpandableContent(details);
        alert.show();
    }

    /** The failure as a person reads it, as every door words it ({@link UserMessages#describe}). */
    public static String describe(Throwable failure) {
        return UserMessages.describe(failure);
    }
}

package org.cdpdesktop.gui;

import java.awt.Desktop;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** {@link UiServices} as JavaFX dialogs, owned by the window the user is working in. */
public final class FxUiServices implements UiServices {

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", confirm, ButtonType.CANCEL);
        prepare(alert, title, message);
        alert.getDialogPane().setId("confirm-dialog");
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    @Override
    public void inform(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        prepare(alert, title, message);
        alert.getDialogPane().setId("inform-dialog");
        alert.show();
    }

    /** Called off the FX thread: the desktop call may block. */
    @Override
    public void openFolder(Path folder) throws Exception {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new UnsupportedOperationException("this system offers no file manager to Java; copy the path instead");
        }
        Desktop.getDesktop().open(folder.toFile());
    }

    private static void prepare(Alert alert, String title, String message) {
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        Window.getWindows().stream().filter(Window::isFocused).findFirst().ifPresent(alert::initOwner);
    }
}

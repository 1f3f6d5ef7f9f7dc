package org.cdpdesktop.gui;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The desktop's dialogs, owned by the window of the view that asks. */
public final class FxDialogs implements Dialogs {

    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String question, String details, String action) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, details, ButtonType.CANCEL, act);
        confirm.setTitle(title);
        confirm.setHeaderText(question);
        confirm.initOwner(owner.get());
        // Enter must not destroy anything: the default button is Cancel.
        ((Button) confirm.getDialogPane().lookupButton(act)).setDefaultButton(false);
        Button cancel = (Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        cancel.setId("dialog-cancel");
        return confirm.showAndWait().filter(act::equals).isPresent();
    }
}

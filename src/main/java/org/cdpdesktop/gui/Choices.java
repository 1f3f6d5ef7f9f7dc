package org.cdpdesktop.gui;

import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.property.Property;
import javafx.scene.control.ComboBoxBase;

/**
 * Binds a drop-down to a choice that always has a value. A bidirectional binding would pass on the {@code null} some
 * drop-downs set in passing (a searchable one closed with Esc clears its value), and the model would fail on it.
 */
public final class Choices {

    private Choices() {
    }

    /** Keeps {@code box} and {@code choice} equal; a {@code null} from the box is never passed on and the choice is shown again. */
    public static <T> void bindKeepingChoice(ComboBoxBase<T> box, Property<T> choice) {
        box.setValue(choice.getValue());
        choice.addListener((observable, old, value) -> {
            if (!Objects.equals(box.getValue(), value)) {
                box.setValue(value);
            }
        });
        box.valueProperty().addListener((observable, old, value) -> {
            if (value != null) {
                choice.setValue(value);
            } else if (choice.getValue() != null) {
                // Later, as the box may still be clearing itself when it reports the null.
                Platform.runLater(() -> {
                    if (box.getValue() == null) {
                        box.setValue(choice.getValue());
                    }
                });
            }
        });
    }
}

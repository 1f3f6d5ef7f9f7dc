package org.cdpdesktop.gui;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.scene.control.Label;
import javafx.util.Duration;

/** A status label whose message fades a few seconds after it is shown, so news of a finished action does not linger. */
public final class FadingMessage {

    public static final Duration SHOWN_FOR = Duration.seconds(6);
    private static final Duration FADE = Duration.millis(600);

    private FadingMessage() {
    }

    /** Each new text of {@code label} restarts the fade; at its end {@code clear} empties the text's source. */
    public static void fadeAfterAWhile(Label label, Runnable clear) {
        FadeTransition fade = new FadeTransition(FADE, label);
        fade.setFromValue(1);
        fade.setToValue(0);
        SequentialTransition showThenFade = new SequentialTransition(new PauseTransition(SHOWN_FOR), fade);
        showThenFade.setOnFinished(event -> {
            clear.run();
            label.setOpacity(1);
        });
        label.textProperty().addListener((observable, old, text) -> {
            showThenFade.stop();
            label.setOpacity(1);
            if (text != null && !text.isEmpty()) {
                showThenFade.playFromStart();
            }
        });
    }
}

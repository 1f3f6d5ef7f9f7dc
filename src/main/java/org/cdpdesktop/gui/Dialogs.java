package org.cdpdesktop.gui;

/**
 * What a view-model may ask of the person without showing a window itself: the views provide the real dialogs
 * ({@link FxDialogs}), a test answers with a lambda.
 */
@FunctionalInterface
public interface Dialogs {

    /**
     * Asks to confirm an action that cannot be undone; the safe answer (cancel) is the default button.
     *
     * @return {@code true} only when the person chose {@code action}
     */
    boolean confirm(String title, String question, String details, String action);
}

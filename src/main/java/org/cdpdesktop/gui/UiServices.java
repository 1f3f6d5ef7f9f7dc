package org.cdpdesktop.gui;

import java.nio.file.Path;

/**
 * What a view-model may ask of the user interface besides its own properties: a question, a notice, a folder opened
 * in the system's file manager. The views provide it ({@link FxUiServices}); a view-model test provides answers.
 */
public interface UiServices {

    /** Asks a yes/no question and waits for the answer: {@code true} when the user chose {@code confirmLabel}. */
    boolean confirm(String title, String message, String confirmLabel);

    void inform(String title, String message);

    /** Opens a folder in the system's file manager; throws, with a readable message, where the system has none. */
    void openFolder(Path folder) throws Exception;
}

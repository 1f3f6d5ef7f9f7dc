package org.cdpdesktop.gui.segments;

/** What the Segments screen asks the user; the view shows real dialogs, a test answers directly. */
public interface SegmentsDialogs {

    /** Asks before something that cannot be undone; true when the user agrees. */
    boolean confirm(String title, String question, String action);
}

package org.cdpdesktop.gui.segments;

/** The builder's rule is not finished yet (a value or a group's conditions are missing): a step, not an error. */
final class IncompleteRuleException extends IllegalArgumentException {

    IncompleteRuleException(String message) {
        super(message);
    }
}

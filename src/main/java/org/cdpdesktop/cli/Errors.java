package org.cdpdesktop.cli;

/** Turns a failure into the one line a user reads after {@code error: }; the stack trace goes to the log. */
final class Errors {

    private Errors() {
    }

    static String describe(Throwable failure) {
        Throwable shown = failure;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        return message == null ? shown.getClass().getSimpleName() : message.replace('\n', ' ');
    }
}

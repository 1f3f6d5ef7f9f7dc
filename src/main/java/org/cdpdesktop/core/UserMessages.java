package org.cdpdesktop.core;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * How a failure reads to a person, the same in the desktop app, the CLI's {@code error:} line and the REST error body:
 * the most specific message in the cause chain, on one line, without class names; the stack trace belongs in the log.
 */
public final class UserMessages {

    private UserMessages() {
    }

    public static String describe(Throwable failure) {
        Throwable shown = failure;
        while (shown.getCause() != null && wraps(shown)) {
            shown = shown.getCause();
        }
        return oneLine(message(shown));
    }

    /** A wrapper adds nothing when it has no message of its own or only repeats its cause's {@code toString()}. */
    private static boolean wraps(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() || message.equals(failure.getCause().toString());
    }

    /** File system errors carry only a path as their message; say what went wrong with it. */
    private static String message(Throwable failure) {
        if (failure instanceof FileSystemException files && files.getFile() != null) {
            String file = files.getFile();
            if (failure instanceof NoSuchFileException) {
                return "No such file or folder: " + file;
            }
            if (failure instanceof AccessDeniedException) {
                return "Permission denied: " + file;
            }
            if (failure instanceof FileAlreadyExistsException) {
                return "Already exists: " + file;
            }
            if (failure instanceof NotDirectoryException) {
                return "Not a folder: " + file;
            }
            return files.getReason() == null ? "Cannot use " + file : file + ": " + files.getReason();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank()
                ? "An unexpected error occurred (" + failure.getClass().getSimpleName() + "); the log file has the details." : message;
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

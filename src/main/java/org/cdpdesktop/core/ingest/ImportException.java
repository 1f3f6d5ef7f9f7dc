package org.cdpdesktop.core.ingest;

/** A file that cannot be imported at all, told so a person can fix it: which file, which line, and why. */
public class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}

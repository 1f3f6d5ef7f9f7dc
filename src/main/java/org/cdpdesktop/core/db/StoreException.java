package org.cdpdesktop.core.db;

/** A database failure told in words a user can act on; the cause keeps the detail for the log. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}

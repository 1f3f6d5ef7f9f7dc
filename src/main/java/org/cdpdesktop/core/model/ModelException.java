package org.cdpdesktop.core.model;

/** A model that cannot be trained, loaded or used, with a message a person can act on. */
public final class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.cdpdesktop.core.stream;

/** A stream action that cannot be done, with a message for the user (unreachable broker, refused login, bad settings). */
public final class StreamException extends RuntimeException {

    public StreamException(String message) {
        super(message);
    }

    public StreamException(String message, Throwable cause) {
        super(message, cause);
    }
}

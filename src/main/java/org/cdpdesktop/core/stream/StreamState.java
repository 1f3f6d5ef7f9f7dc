package org.cdpdesktop.core.stream;

/** Where the consumer is; the Stream screen and the CLI show it. */
public enum StreamState {
    STOPPED("Stopped"),
    CONNECTING("Connecting"),
    RUNNING("Consuming"),
    WAITING_FOR_BROKER("Broker unreachable, retrying"),
    BACKING_OFF("Error, retrying"),
    STOPPING("Stopping"),
    FAILED("Stopped by an error");

    private final String label;

    StreamState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean active() {
        return this != STOPPED && this != FAILED;
    }
}

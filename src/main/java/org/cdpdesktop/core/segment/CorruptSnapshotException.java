package org.cdpdesktop.core.segment;

/** A stored snapshot's member list cannot be read; its size is still known, its members are not. */
public final class CorruptSnapshotException extends RuntimeException {

    public CorruptSnapshotException(String reason) {
        super("Unreadable segment snapshot: " + reason);
    }
}

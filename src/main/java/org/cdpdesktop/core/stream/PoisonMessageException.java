package org.cdpdesktop.core.stream;

/** A message that cannot become a profile record (not JSON, wrong shape, too large); its reason goes to the dead letters. */
public final class PoisonMessageException extends Exception {

    public PoisonMessageException(String reason) {
        super(reason);
    }
}

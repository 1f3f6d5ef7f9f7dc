package org.cdpdesktop.core.access;

/** A key just created: {@code key} is the only time its secret exists outside the caller's hands. */
public record CreatedApiKey(ApiKey apiKey, String key) {
}

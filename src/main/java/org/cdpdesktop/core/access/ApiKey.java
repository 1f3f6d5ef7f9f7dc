package org.cdpdesktop.core.access;

/** A stored API key as listed: never the key itself, which is shown once when it is created. */
public record ApiKey(String name, ApiRole role, String prefix, String createdAt, String lastUsedAt) {
}

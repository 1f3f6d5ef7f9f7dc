package org.cdpdesktop.core.ingest;

/** Where a source column's values go: a profile field, a custom attribute, or nowhere. */
public enum TargetKind { FIELD, ATTRIBUTE, SKIP }

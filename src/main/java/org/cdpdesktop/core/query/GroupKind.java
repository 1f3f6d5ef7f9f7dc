package org.cdpdesktop.core.query;

public enum GroupKind { AND, OR }

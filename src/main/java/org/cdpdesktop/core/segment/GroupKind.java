package org.cdpdesktop.core.segment;

public enum GroupKind { AND, OR }

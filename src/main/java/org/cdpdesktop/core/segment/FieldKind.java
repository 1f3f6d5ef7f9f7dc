package org.cdpdesktop.core.segment;

public enum FieldKind { PROFILE, ATTRIBUTE, INTEREST, COHORT, SEGMENT }

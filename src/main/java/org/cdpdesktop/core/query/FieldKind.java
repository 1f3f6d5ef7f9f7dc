package org.cdpdesktop.core.query;

public enum FieldKind { PROFILE, ATTRIBUTE, INTEREST, COHORT, SEGMENT }

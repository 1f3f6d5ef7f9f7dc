package org.cdpdesktop.core.model;

/** Where a model's label comes from. Only imported cohorts are labels: predicted ones never feed back into training. */
public enum LabelKind {
    /** The profile's imported cohort. */
    COHORT,
    /** A categorical profile field, such as gender or education. */
    FIELD,
    /** A custom attribute kept from an import. */
    ATTRIBUTE,
    /** Membership of a saved segment, for a lookalike audience: members against a sample of everyone else. */
    SEGMENT
}

package org.cdpdesktop.core.model;

/** Whether a model learns one label per profile or several (imported cohorts only). */
public enum LabelMode {
    /**
     * Several labels when at least {@link #AUTO_MULTI_SHARE} of the labelled profiles carry several imported cohorts
     * and the learner is logistic regression; else one. A few profiles with two cohorts are usually merged duplicates
     * (an import merges their cohorts), which should not turn a one-cohort model into a multi-label one.
     */
    AUTO,
    /** One label per profile; profiles with several are left out and counted. */
    SINGLE,
    /** One-vs-rest: one binary logistic regression per cohort over the same TF-IDF terms; a profile may get several cohorts. */
    MULTI;

    /** The share of labelled profiles with several cohorts from which {@link #AUTO} learns several labels. */
    public static final double AUTO_MULTI_SHARE = 0.05;
}

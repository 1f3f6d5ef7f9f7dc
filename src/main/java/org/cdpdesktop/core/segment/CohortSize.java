package org.cdpdesktop.core.segment;

/** A cohort and how many profiles carry it. */
public record CohortSize(String cohort, long size) {
}

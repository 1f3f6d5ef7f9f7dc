package org.cdpdesktop.core.model;

/** A term (word, interest or field value) and how strongly it pushes towards a cohort: above 0 towards, below 0 away. */
public record TermWeight(String term, double weight) {
}

package org.cdpdesktop.core.model;

import java.util.List;

/** The terms a model weighs most for and against one cohort, strongest first. */
public record CohortTerms(String cohort, List<TermWeight> positive, List<TermWeight> negative) {
}

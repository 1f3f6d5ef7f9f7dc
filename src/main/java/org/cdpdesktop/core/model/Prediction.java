package org.cdpdesktop.core.model;

import java.util.List;

/**
 * A model's answer for one profile or text: the most likely cohort, every cohort's probability (highest first), and
 * the terms that pushed it to the answer, with their contribution (empty for learners without term weights).
 */
public record Prediction(String cohort, double confidence, List<Score> scores, List<TermWeight> reasons, String modelId) {

    public record Score(String cohort, double probability) {
    }
}

package org.cdpdesktop.core.model;

import java.util.List;

/**
 * A model's answer for one profile or text: the most likely cohort, every cohort's probability (highest first), the
 * terms that pushed it to the answer with their contribution (empty for learners without term weights), and every
 * cohort the profile is given: the most likely one, or for a multi-label model each cohort at or above its threshold
 * (at least the most likely), each with its own terms.
 */
public record Prediction(String cohort, double confidence, List<Score> scores, List<TermWeight> reasons, String modelId,
                         List<Assigned> assigned) {

    public record Score(String cohort, double probability) {
    }

    /** One cohort given to the profile, its probability and the terms behind it. */
    public record Assigned(String cohort, double confidence, List<TermWeight> reasons) {
    }
}

package org.cdpdesktop.core.model;

import java.util.Map;

/**
 * One profile as a model sees it: its words, its numeric and nominal fields, and its label when it has one.
 *
 * @param text    the words of the chosen text fields, list values joined into single words ("video_games")
 * @param label   the imported cohort, field or attribute value; null when predicting
 */
public record FeatureRow(long profileId, String text, Map<String, Double> numbers, Map<String, String> nominals, String label) {

    public static FeatureRow ofText(String text) {
        return new FeatureRow(0, text == null ? "" : text, Map.of(), Map.of(), null);
    }
}

package org.cdpdesktop.core.model;

import java.util.Map;

/** A batch prediction's outcome: how many profiles got a predicted cohort, how fast, and how many per cohort. */
public record BatchPrediction(String modelId, long profiles, long millis, double profilesPerSecond, Map<String, Long> cohorts) {
}

package org.cdpdesktop.core.model;

import java.util.List;
import java.util.Map;

/**
 * What the registry knows of a model, kept beside its file as JSON. The file is loaded only when its SHA-256
 * matches {@code sha256}.
 *
 * @param baseline       the training data's distributions, against which drift is measured
 * @param outcomesSha256 the SHA-256 of the evaluation's per-profile outcomes file ({@code ID.outcomes}); null for a model
 *                       saved without one, as models were before the outcomes were kept
 * @param multiLabel     whether the model gives a profile every cohort above its threshold (one-vs-rest) rather than one;
 *                       false in metadata saved before such models existed
 * @param thresholds     a multi-label model's threshold per cohort, from which the cohort is given; null for a single-label
 *                       model, and in metadata saved before thresholds were chosen per cohort, where every cohort's is one half
 */
public record ModelMetadata(String id, String created, String algorithm, Map<String, Object> parameters, List<String> textFields,
                            List<String> features, String labelKind, String label, List<String> classes, long trainingRows,
                            EvaluationReport evaluation, String sha256, DriftBaseline baseline, String outcomesSha256, boolean multiLabel,
                            Map<String, Double> thresholds) {

    /** The threshold of a cohort no threshold was chosen for, as every cohort had before they were chosen per cohort. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    public ModelMetadata withSha256(String value) {
        return new ModelMetadata(id, created, algorithm, parameters, textFields, features, labelKind, label, classes, trainingRows,
                evaluation, value, baseline, outcomesSha256, multiLabel, thresholds);
    }

    public ModelMetadata withOutcomesSha256(String value) {
        return new ModelMetadata(id, created, algorithm, parameters, textFields, features, labelKind, label, classes, trainingRows,
                evaluation, sha256, baseline, value, multiLabel, thresholds);
    }

    /** The probability from which a multi-label model gives {@code cohort}. */
    public double threshold(String cohort) {
        Double chosen = thresholds == null ? null : thresholds.get(cohort);
        return chosen == null ? DEFAULT_THRESHOLD : chosen;
    }

    /** The spec this model was trained with, so it can be retrained or extended. */
    public TrainingSpec spec() {
        Object folds = parameters.getOrDefault("folds", 10);
        return new TrainingSpec(LabelKind.valueOf(labelKind), label, textFields, features, Algorithm.byKey(algorithm),
                ((Number) folds).intValue(), ((Number) parameters.getOrDefault("holdOutPercent", 0)).intValue(),
                ((Number) parameters.getOrDefault("seed", 1)).longValue(), ((Number) parameters.getOrDefault("maxNgram", 1)).intValue(),
                ((Number) parameters.getOrDefault("minTermFrequency", 1)).intValue(), ((Number) parameters.getOrDefault("cost", 1.0)).doubleValue(),
                ((Number) parameters.getOrDefault("trees", 100)).intValue(), LabelMode.valueOf(String.valueOf(parameters.getOrDefault("labelMode", LabelMode.AUTO.name()))));
    }
}

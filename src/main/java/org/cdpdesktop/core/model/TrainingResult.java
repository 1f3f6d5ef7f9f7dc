package org.cdpdesktop.core.model;

/**
 * One training run: the saved model's metadata (with its evaluation), the profiles in each confusion-matrix cell
 * ({@code cellProfiles[actual][predicted]}), and the profiles left out because they had no label or several.
 */
public record TrainingResult(ModelMetadata metadata, long[][][] cellProfiles, long withoutLabel, long withSeveralLabels, boolean activated) {
}

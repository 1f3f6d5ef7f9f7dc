package org.cdpdesktop.core.model;

/**
 * One training run: the saved model's metadata (with its evaluation), the profiles in each confusion-matrix cell
 * ({@code cellProfiles[actual][predicted]}; for a multi-label model {@code cellProfiles[cohort][cell]}, the cells of each
 * cohort's 2x2 in the order given and labelled, given but not labelled, labelled but not given, neither), and the
 * profiles left out because they had no label or several.
 */
public record TrainingResult(ModelMetadata metadata, long[][][] cellProfiles, long withoutLabel, long withSeveralLabels, boolean activated) {
}

package org.cdpdesktop.core.model;

import java.util.List;

/**
 * How well a model did on profiles it was not trained on: by stratified k-fold cross-validation or on a hold-out
 * share. ROC and PR areas are null where undefined (a class with no test rows).
 *
 * @param method           "10-fold cross-validation" or "30% hold-out"
 * @param confusionMatrix  rows are the actual classes, columns the predicted ones, both in {@code classes} order
 * @param trainMillis      fitting the final model on every labelled row
 * @param evaluationMillis all folds (or the hold-out run) together
 * @param multiLabel       the figures of a model that gives several cohorts per profile; null for one label per profile.
 *                         There {@code accuracy} is the subset accuracy (every cohort of a profile right), {@code kappa}
 *                         is undefined (NaN) and {@code confusionMatrix} is empty: each class has its own 2x2 instead
 */
public record EvaluationReport(String method, long testedRows, double accuracy, double kappa, double macroF1, double weightedF1,
                               List<ClassFigures> perClass, List<String> classes, long[][] confusionMatrix,
                               long trainMillis, long evaluationMillis, MultiLabelFigures multiLabel) {

    public EvaluationReport(String method, long testedRows, double accuracy, double kappa, double macroF1, double weightedF1,
                            List<ClassFigures> perClass, List<String> classes, long[][] confusionMatrix, long trainMillis, long evaluationMillis) {
        this(method, testedRows, accuracy, kappa, macroF1, weightedF1, perClass, classes, confusionMatrix, trainMillis, evaluationMillis, null);
    }

    /**
     * A multi-label evaluation's own figures.
     *
     * @param microF1        F1 over every (profile, cohort) decision pooled
     * @param hammingLoss    the share of (profile, cohort) decisions that were wrong
     * @param subsetAccuracy the share of profiles whose cohorts were all right, none missing and none extra
     * @param cardinality    cohorts per tested profile, on average, as labelled
     * @param macroF1AtHalf  the macro F1 had every cohort been given from one half, on the same out-of-fold probabilities:
     *                       what choosing a threshold per cohort gained; null in figures saved before thresholds were chosen
     */
    public record MultiLabelFigures(double microF1, double hammingLoss, double subsetAccuracy, double cardinality,
                                    List<BinaryConfusion> confusion, Double macroF1AtHalf) {
    }

    /** One cohort's 2x2: given and labelled, given but not labelled, labelled but not given, neither. */
    public record BinaryConfusion(String name, long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
    }

    /** One class's figures; {@code support} is its number of test rows. */
    public record ClassFigures(String name, long support, double precision, double recall, double f1, Double rocArea, Double prArea) {
    }
}

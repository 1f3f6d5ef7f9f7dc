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
 */
public record EvaluationReport(String method, long testedRows, double accuracy, double kappa, double macroF1, double weightedF1,
                               List<ClassFigures> perClass, List<String> classes, long[][] confusionMatrix,
                               long trainMillis, long evaluationMillis) {

    /** One class's figures; {@code support} is its number of test rows. */
    public record ClassFigures(String name, long support, double precision, double recall, double f1, Double rocArea, Double prArea) {
    }
}

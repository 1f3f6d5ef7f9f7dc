package org.cdpdesktop.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Chooses a multi-label model's threshold per cohort: the one that maximises the cohort's F1 on out-of-fold
 * probabilities, so a rare cohort is given from a lower probability and a frequent one from a higher one than one
 * half. Only probabilities of profiles the learners did not train on are used, so the choice is not flattered by
 * training fit.
 */
final class CohortThresholds {

    private CohortThresholds() {
    }

    /**
     * One threshold per cohort below {@code classes}, chosen on the rows {@code use} admits: row {@code i} has the
     * cohorts {@code actual.get(i)} and the out-of-fold probabilities {@code probabilities.get(i)}.
     */
    static double[] choose(List<double[]> probabilities, List<Set<Integer>> actual, IntPredicate use, int classes) {
        int[] rows = IntStream.range(0, probabilities.size()).filter(use).toArray();
        double[] thresholds = new double[classes];
        for (int k = 0; k < classes; k++) {
            double[] scores = new double[rows.length];
            boolean[] members = new boolean[rows.length];
            for (int i = 0; i < rows.length; i++) {
                scores[i] = probabilities.get(rows[i])[k];
                members[i] = actual.get(rows[i]).contains(k);
            }
            thresholds[k] = best(scores, members);
        }
        return thresholds;
    }

    /**
     * The threshold with the highest F1 for one cohort: halfway between the lowest probability it gives and the
     * next lower one seen, so a new profile is not decided by an exact training value. Of equal F1s the higher
     * threshold wins. Without a member, or where no threshold gives any member, one half, as before.
     */
    static double best(double[] scores, boolean[] members) {
        Integer[] order = new Integer[scores.length];
        long positives = 0;
        for (int i = 0; i < scores.length; i++) {
            order[i] = i;
            positives += members[i] ? 1 : 0;
        }
        if (positives == 0) {
            return ModelMetadata.DEFAULT_THRESHOLD;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        long truePositives = 0;
        long given = 0;
        double bestF1 = 0;
        double bestThreshold = ModelMetadata.DEFAULT_THRESHOLD;
        int i = 0;
        while (i < order.length) {
            double score = scores[order[i]];
            while (i < order.length && scores[order[i]] == score) {
                truePositives += members[order[i]] ? 1 : 0;
                given++;
                i++;
            }
            double f1 = 2.0 * truePositives / (given + positives);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestThreshold = i < order.length ? (score + scores[order[i]]) / 2 : score / 2;
            }
        }
        return bestThreshold;
    }
}

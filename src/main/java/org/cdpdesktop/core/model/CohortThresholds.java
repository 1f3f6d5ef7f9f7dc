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
        int positives = 0;
        for (boolean member : members) {
            positives += member ? 1 : 0;
        }
        if (positives == 0) {
            return ModelMetadata.DEFAULT_THRESHOLD;
        }
        // Members' and others' probabilities sorted apart as primitives, then walked together from the highest: a
        // million profiles per cohort and fold cost two array sorts.
        double[] in = new double[positives];
        double[] out = new double[scores.length - positives];
        for (int i = 0, m = 0, o = 0; i < scores.length; i++) {
            if (members[i]) {
                in[m++] = scores[i];
            } else {
                out[o++] = scores[i];
            }
        }
        Arrays.sort(in);
        Arrays.sort(out);
        int nextIn = in.length - 1;
        int nextOut = out.length - 1;
        long truePositives = 0;
        long given = 0;
        double bestF1 = 0;
        double bestThreshold = ModelMetadata.DEFAULT_THRESHOLD;
        while (nextIn >= 0 || nextOut >= 0) {
            double score = Math.max(nextIn >= 0 ? in[nextIn] : Double.NEGATIVE_INFINITY, nextOut >= 0 ? out[nextOut] : Double.NEGATIVE_INFINITY);
            while (nextIn >= 0 && in[nextIn] == score) {
                truePositives++;
                given++;
                nextIn--;
            }
            while (nextOut >= 0 && out[nextOut] == score) {
                given++;
                nextOut--;
            }
            double f1 = 2.0 * truePositives / (given + positives);
            if (f1 > bestF1) {
                bestF1 = f1;
                double lower = Math.max(nextIn >= 0 ? in[nextIn] : Double.NEGATIVE_INFINITY, nextOut >= 0 ? out[nextOut] : Double.NEGATIVE_INFINITY);
                bestThreshold = lower == Double.NEGATIVE_INFINITY ? score / 2 : (score + lower) / 2;
            }
        }
        return bestThreshold;
    }
}

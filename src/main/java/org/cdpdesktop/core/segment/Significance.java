package org.cdpdesktop.core.segment;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The tests behind segment insights, written out because they are short: a 2x2 table (members / rest by has value /
 * has not) is tested with Pearson's chi-square when every expected cell is at least 5, else with Fisher's exact test,
 * which stays honest for the tiny groups where chi-square would call a handful of rows a discovery.
 */
final class Significance {

    private static final double MIN_EXPECTED = 5;
    private static final double[] LANCZOS = {676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};

    private Significance() {
    }

    /**
     * Two-sided p-value for the table {@code [[a, b], [c, d]]}: a members with the value, b members without, c others
     * with, d others without.
     */
    static double pValue(long a, long b, long c, long d) {
        double n = (double) a + b + c + d;
        double row1 = a + b;
        double row2 = c + d;
        double col1 = a + c;
        double col2 = b + d;
        if (row1 == 0 || row2 == 0 || col1 == 0 || col2 == 0) {
            return 1;
        }
        double smallestExpected = Math.min(row1, row2) * Math.min(col1, col2) / n;
        return smallestExpected < MIN_EXPECTED ? fisher(a, b, c, d) : chiSquare(a, b, c, d);
    }

    static double chiSquare(long a, long b, long c, long d) {
        double n = (double) a + b + c + d;
        double cross = (double) a * d - (double) b * c;
        double statistic = n * cross * cross / (((double) a + b) * ((double) c + d) * ((double) a + c) * ((double) b + d));
        // With one degree of freedom, P(X > x) = erfc(sqrt(x / 2)).
        return erfc(Math.sqrt(statistic / 2));
    }

    /** Sums the probabilities of every table with the same margins that is no more likely than the one observed. */
    static double fisher(long a, long b, long c, long d) {
        long row1 = a + b;
        long col1 = a + c;
        long n = a + b + c + d;
        long low = Math.max(0, row1 + col1 - n);
        long high = Math.min(row1, col1);
        double observed = logHypergeometric(a, row1, col1, n);
        double p = 0;
        for (long x = low; x <= high; x++) {
            double logP = logHypergeometric(x, row1, col1, n);
            // The relative tolerance keeps tables exactly as likely as the observed one in, despite rounding.
            if (logP <= observed + 1e-7) {
                p += Math.exp(logP);
            }
        }
        return Math.min(1, p);
    }

    private static double logHypergeometric(long x, long row1, long col1, long n) {
        return logChoose(col1, x) + logChoose(n - col1, row1 - x) - logChoose(n, row1);
    }

    private static double logChoose(long n, long k) {
        return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0);
    }

    /** ln Γ(x) for x ≥ 1, Lanczos' approximation (g = 7), good to about 15 digits. */
    static double logGamma(double x) {
        double z = x - 1;
        double sum = 0.99999999999980993;
        for (int i = 0; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i + 1);
        }
        double t = z + LANCZOS.length - 0.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** The complementary error function, Numerical Recipes' Chebyshev fit (relative error under 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double result = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? result : 2 - result;
    }

    /**
     * Benjamini-Hochberg adjusted p-values (q-values), in the order given: a value is called a difference when its
     * q is below the chosen false discovery rate, so that testing hundreds of values does not yield dozens by chance.
     */
    static double[] benjaminiHochberg(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, pValues[i] * m / rank);
            adjusted[i] = running;
        }
        return adjusted;
    }
}

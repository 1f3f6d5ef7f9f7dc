package org.cdpdesktop.core.model;

import java.util.Arrays;
import java.util.Locale;

/** The learners a cohort model can use; each has defaults that work on a vocabulary of tens of thousands of terms. */
public enum Algorithm {
    /** L2-regularised logistic regression on sparse vectors (LibLINEAR): fast, calibrated, explainable by its weights. */
    LOGISTIC_REGRESSION("logistic", "Logistic regression (LibLINEAR)"),
    /** Multinomial naive Bayes: the classic text baseline, trains in one pass. */
    NAIVE_BAYES("naive-bayes", "Naive Bayes multinomial"),
    /** A random forest, for labels that depend on numeric and nominal fields as much as on text. */
    RANDOM_FOREST("random-forest", "Random forest");

    private final String key;
    private final String label;

    Algorithm(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Algorithm byKey(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.key.equals(wanted) || a.name().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown algorithm \"" + key + "\"; choose logistic, naive-bayes or random-forest"));
    }

    @Override
    public String toString() {
        return label;
    }
}

package org.cdpdesktop.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What to train: the label, the text fields turned into TF-IDF terms ({@code interests}, {@code bio} or
 * {@code attr:NAME}), optional numeric and nominal fields, the learner and its settings, and how to evaluate it.
 *
 * @param folds            stratified cross-validation folds; ignored when {@code holdOutPercent} is above 0
 * @param holdOutPercent   share of rows kept aside for testing instead of cross-validation, 0 for cross-validation
 * @param maxNgram         1 for single words, 2 to add word pairs, and so on
 * @param minTermFrequency a term must occur this many times in the training rows to become a feature
 * @param cost             logistic regression's inverse regularisation strength C
 * @param trees            random forest size
 * @param labelMode        one label per profile, several (one-vs-rest), or chosen from the labels found
 */
public record TrainingSpec(LabelKind labelKind, String label, List<String> textFields, List<String> features, Algorithm algorithm,
                           int folds, int holdOutPercent, long seed, int maxNgram, int minTermFrequency, double cost, int trees,
                           LabelMode labelMode) {

    /** Fields that can be numeric or nominal features. */
    public static final Set<String> NUMERIC_FEATURES = Set.of("age", "income");
    public static final Set<String> NOMINAL_FEATURES = Set.of("gender", "country", "state", "city", "education");
    public static final String ATTRIBUTE_PREFIX = "attr:";

    /** A spec whose label mode is chosen from the labels found. */
    public TrainingSpec(LabelKind labelKind, String label, List<String> textFields, List<String> features, Algorithm algorithm,
                        int folds, int holdOutPercent, long seed, int maxNgram, int minTermFrequency, double cost, int trees) {
        this(labelKind, label, textFields, features, algorithm, folds, holdOutPercent, seed, maxNgram, minTermFrequency, cost, trees, LabelMode.AUTO);
    }

    public TrainingSpec {
        Objects.requireNonNull(labelKind, "labelKind");
        Objects.requireNonNull(algorithm, "algorithm");
        labelMode = labelMode == null ? LabelMode.AUTO : labelMode;
        if (labelMode == LabelMode.MULTI && labelKind != LabelKind.COHORT) {
            throw new IllegalArgumentException("Several labels per profile come from imported cohorts only; a field or attribute has one value");
        }
        if (labelMode == LabelMode.MULTI && algorithm != Algorithm.LOGISTIC_REGRESSION) {
            throw new IllegalArgumentException("Several cohorts per profile are learnt one-vs-rest with logistic regression; choose it as the algorithm");
        }
        label = label == null ? "" : label.trim();
        textFields = List.copyOf(textFields);
        features = features.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
        if (labelKind != LabelKind.COHORT && label.isEmpty()) {
            throw new IllegalArgumentException("Name the field or attribute to learn");
        }
        if (labelKind == LabelKind.FIELD && !NOMINAL_FEATURES.contains(label.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("\"" + label + "\" is not a categorical field; choose one of " + String.join(", ", NOMINAL_FEATURES.stream().sorted().toList()));
        }
        if (textFields.isEmpty() && features.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one text field or feature to learn from");
        }
        for (String text : textFields) {
            if (!text.equals("interests") && !text.equals("bio") && !text.startsWith(ATTRIBUTE_PREFIX)) {
                throw new IllegalArgumentException("\"" + text + "\" is not a text field; use interests, bio or attr:NAME");
            }
        }
        for (String feature : features) {
            if (!NUMERIC_FEATURES.contains(feature) && !NOMINAL_FEATURES.contains(feature)) {
                throw new IllegalArgumentException("\"" + feature + "\" cannot be a feature; use age, income, gender, country, state, city or education");
            }
        }
        if (holdOutPercent < 0 || holdOutPercent >= 100) {
            throw new IllegalArgumentException("The hold-out share must be between 0 and 99 percent, not " + holdOutPercent);
        }
        if (holdOutPercent == 0 && (folds < 2 || folds > 50)) {
            throw new IllegalArgumentException("Cross-validation needs between 2 and 50 folds, not " + folds);
        }
        if (maxNgram < 1 || maxNgram > 3) {
            throw new IllegalArgumentException("Word n-grams go from 1 to 3, not " + maxNgram);
        }
        if (minTermFrequency < 1) {
            throw new IllegalArgumentException("The minimum term frequency is at least 1, not " + minTermFrequency);
        }
        if (!(cost > 0)) {
            throw new IllegalArgumentException("The regularisation cost C must be above 0, not " + cost);
        }
        if (trees < 1) {
            throw new IllegalArgumentException("A random forest needs at least one tree, not " + trees);
        }
    }

    /** The default: imported cohorts from interests and bio, logistic regression, seeded 10-fold cross-validation. */
    public static TrainingSpec cohorts() {
        return new TrainingSpec(LabelKind.COHORT, "", List.of("interests", "bio"), List.of(), Algorithm.LOGISTIC_REGRESSION,
                10, 0, 1, 1, 1, 1.0, 100);
    }

    public TrainingSpec withEvaluation(int newFolds, int newHoldOutPercent, long newSeed) {
        return new TrainingSpec(labelKind, label, textFields, features, algorithm, newFolds, newHoldOutPercent, newSeed, maxNgram, minTermFrequency, cost, trees,
                labelMode);
    }

    public TrainingSpec withLabelMode(LabelMode mode) {
        return new TrainingSpec(labelKind, label, textFields, features, algorithm, folds, holdOutPercent, seed, maxNgram, minTermFrequency, cost, trees, mode);
    }

    /** Whether several labels per profile are learnt, given how many of the labelled profiles carry several. */
    boolean multiLabel(long several, long labelled) {
        return switch (labelMode) {
            case MULTI -> true;
            case SINGLE -> false;
            case AUTO -> labelled > 0 && several >= LabelMode.AUTO_MULTI_SHARE * labelled
                    && labelKind == LabelKind.COHORT && algorithm == Algorithm.LOGISTIC_REGRESSION;
        };
    }

    /** How the label reads to a person: "cohort", "gender", "attribute plan". */
    public String labelName() {
        return switch (labelKind) {
            case COHORT -> "cohort";
            case FIELD -> label.toLowerCase(Locale.ROOT);
            case ATTRIBUTE -> ATTRIBUTE_PREFIX + label;
            case SEGMENT -> "lookalike";
        };
    }
}

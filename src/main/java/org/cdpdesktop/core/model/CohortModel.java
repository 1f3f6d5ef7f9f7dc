package org.cdpdesktop.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A trained model ready to predict: its metadata, the Weka header it was trained on and the classifier (word filter
 * and learner). Weka filters keep state between calls, so predictions on one model are made one at a time.
 */
public final class CohortModel {

    static final String TERM_PREFIX = "term:";

    private final ModelMetadata metadata;
    private final Instances header;
    private final FilteredClassifier classifier;

    CohortModel(ModelMetadata metadata, Instances header, FilteredClassifier classifier) {
        this.metadata = metadata;
        this.header = header;
        this.classifier = classifier;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    Instances header() {
        return header;
    }

    FilteredClassifier classifier() {
        return classifier;
    }

    /** Whether predictions can name their terms: only a logistic regression has per-term weights. */
    public boolean explains() {
        return classifier.getClassifier() instanceof ExplainableLibLinear;
    }

    /** The most likely class of {@code row}, every class's probability, and up to {@code reasons} terms behind it. */
    public synchronized Prediction predict(FeatureRow row, int reasons) {
        try {
            Instance instance = FeatureSchema.instance(header, row, false);
            double[] distribution = classifier.distributionForInstance(instance);
            int best = 0;
            for (int i = 1; i < distribution.length; i++) {
                if (distribution[i] > distribution[best]) {
                    best = i;
                }
            }
            List<Prediction.Score> scores = new ArrayList<>();
            for (int i = 0; i < distribution.length; i++) {
                scores.add(new Prediction.Score(header.classAttribute().value(i), distribution[i]));
            }
            scores.sort(Comparator.comparingDouble(Prediction.Score::probability).reversed());
            List<TermWeight> why = reasons > 0 && explains() ? reasons(instance, best, reasons) : List.of();
            return new Prediction(header.classAttribute().value(best), distribution[best], scores, why, metadata.id());
        } catch (Exception e) {
            throw new ModelException("The model " + metadata.id() + " could not predict: " + e.getMessage(), e);
        }
    }

    private List<TermWeight> reasons(Instance instance, int classIndex, int limit) throws Exception {
        classifier.getFilter().input(instance);
        classifier.getFilter().batchFinished();
        Instance filtered = classifier.getFilter().output();
        List<TermWeight> contributions = ((ExplainableLibLinear) classifier.getClassifier()).contributions(filtered, classIndex);
        return contributions.stream()
                .filter(t -> t.weight() != 0)
                .sorted(Comparator.comparingDouble((TermWeight t) -> Math.abs(t.weight())).reversed())
                .limit(limit)
                .map(CohortModel::readable)
                .toList();
    }

    /** The {@code limit} strongest terms for and against each class, from the logistic regression's weights. */
    public synchronized List<CohortTerms> topTerms(int limit) {
        if (!explains()) {
            return List.of();
        }
        ExplainableLibLinear learner = (ExplainableLibLinear) classifier.getClassifier();
        List<CohortTerms> terms = new ArrayList<>();
        for (int c = 0; c < header.numClasses(); c++) {
            List<TermWeight> weights = learner.weights(c);
            List<TermWeight> positive = weights.stream().filter(t -> t.weight() > 0)
                    .sorted(Comparator.comparingDouble(TermWeight::weight).reversed()).limit(limit).map(CohortModel::readable).toList();
            List<TermWeight> negative = weights.stream().filter(t -> t.weight() < 0)
                    .sorted(Comparator.comparingDouble(TermWeight::weight)).limit(limit).map(CohortModel::readable).toList();
            terms.add(new CohortTerms(header.classAttribute().value(c), positive, negative));
        }
        return terms;
    }

    /** Terms as people read them: "video games" for the word "video_games", "country=Canada" for a field value. */
    private static TermWeight readable(TermWeight term) {
        String name = term.term();
        name = name.startsWith(TERM_PREFIX) ? name.substring(TERM_PREFIX.length()).replace('_', ' ') : name;
        return new TermWeight(name, term.weight());
    }
}

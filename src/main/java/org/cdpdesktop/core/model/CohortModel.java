package org.cdpdesktop.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.SerializedObject;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A trained model ready to predict: its metadata, the Weka header it was trained on and either one classifier (word
 * filter and learner) choosing one class, or a {@link OneVsRest} giving every cohort from its threshold in the metadata. Weka
 * filters keep state between calls, so predictions on one model are made one at a time.
 */
public final class CohortModel {

    static final String TERM_PREFIX = "term:";

    private final ModelMetadata metadata;
    private final Instances header;
    private final FilteredClassifier classifier;
    private final OneVsRest oneVsRest;
    /** A multi-label model's thresholds in the order of its cohorts. */
    private final double[] thresholds;

    CohortModel(ModelMetadata metadata, Instances header, FilteredClassifier classifier) {
        this(metadata, header, classifier, null);
    }

    CohortModel(ModelMetadata metadata, Instances header, OneVsRest oneVsRest) {
        this(metadata, header, null, oneVsRest);
    }

    private CohortModel(ModelMetadata metadata, Instances header, FilteredClassifier classifier, OneVsRest oneVsRest) {
        this.metadata = metadata;
        this.header = header;
        this.classifier = classifier;
        this.oneVsRest = oneVsRest;
        this.thresholds = metadata.classes().stream().mapToDouble(metadata::threshold).toArray();
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    Instances header() {
        return header;
    }

    /** What the registry writes after the header: the single-label classifier or the one-vs-rest learners. */
    Object learner() {
        return oneVsRest != null ? oneVsRest : classifier;
    }

    /**
     * Independent copies for {@code count} scoring threads (a prediction writes into the header and the word filter).
     * A model just trained still holds every training text in a string table that each prediction clears whole
     * (Hashtable.clear walks its capacity), so a prediction would cost in proportion to the training set: one
     * prediction leaves one text in it, and copies taken after that start small. The bytes never leave this process,
     * so deserialising them trusts nothing from outside.
     */
    CohortModel[] scoringCopies(int count) {
        predict(FeatureRow.ofText(""), 0);
        CohortModel[] copies = new CohortModel[count];
        for (int i = 0; i < count; i++) {
            copies[i] = inMemoryCopy();
        }
        return copies;
    }

    private CohortModel inMemoryCopy() {
        try {
            Object[] copied = (Object[]) new SerializedObject(new Object[] {header, learner()}).getObject();
            Instances copiedHeader = (Instances) copied[0];
            return copied[1] instanceof OneVsRest copiedOneVsRest ? new CohortModel(metadata, copiedHeader, copiedOneVsRest)
                    : new CohortModel(metadata, copiedHeader, (FilteredClassifier) copied[1]);
        } catch (Exception e) {
            throw new ModelException("Cannot copy the model for a scoring thread: " + e.getMessage(), e);
        }
    }

    /** Whether predictions can name their terms: only a logistic regression has per-term weights. */
    public boolean explains() {
        return oneVsRest != null || classifier.getClassifier() instanceof ExplainableLibLinear;
    }

    /** The classes in the order of the model's probabilities: the cohorts of a multi-label model, else the label's values. */
    private String className(int index) {
        return oneVsRest != null ? metadata.classes().get(index) : header.classAttribute().value(index);
    }

    /**
     * The most likely class of {@code row}, every class's probability, up to {@code reasons} terms behind it, and every
     * class given to the row (for a multi-label model each at or above its threshold, each with its own terms).
     */
    public synchronized Prediction predict(FeatureRow row, int reasons) {
        try {
            Instance instance = FeatureSchema.instance(header, row, false);
            Instance filtered = oneVsRest != null ? oneVsRest.features(instance) : null;
            double[] distribution = oneVsRest != null ? oneVsRest.probabilities(filtered) : classifier.distributionForInstance(instance);
            int best = 0;
            for (int i = 1; i < distribution.length; i++) {
                if (distribution[i] > distribution[best]) {
                    best = i;
                }
            }
            List<Prediction.Score> scores = new ArrayList<>();
            for (int i = 0; i < distribution.length; i++) {
                scores.add(new Prediction.Score(className(i), distribution[i]));
            }
            scores.sort(Comparator.comparingDouble(Prediction.Score::probability).reversed());
            boolean explain = reasons > 0 && explains();
            List<Prediction.Assigned> assigned = new ArrayList<>();
            if (oneVsRest != null) {
                Set<Integer> given = MultiLabelTrainer.given(distribution, thresholds);
                for (int k : given) {
                    assigned.add(new Prediction.Assigned(className(k), distribution[k], explain ? memberReasons(filtered, k, reasons) : List.of()));
                }
                assigned.sort(Comparator.comparingDouble(Prediction.Assigned::confidence).reversed());
            }
            List<TermWeight> why = !explain ? List.of() : oneVsRest != null ? memberReasons(filtered, best, reasons) : reasons(instance, best, reasons);
            if (oneVsRest == null) {
                assigned.add(new Prediction.Assigned(className(best), distribution[best], why));
            }
            return new Prediction(className(best), distribution[best], scores, why, metadata.id(), assigned);
        } catch (Exception e) {
            throw new ModelException("The model " + metadata.id() + " could not predict: " + e.getMessage(), e);
        }
    }

    private List<TermWeight> reasons(Instance instance, int classIndex, int limit) throws Exception {
        classifier.getFilter().input(instance);
        classifier.getFilter().batchFinished();
        Instance filtered = classifier.getFilter().output();
        return strongest(((ExplainableLibLinear) classifier.getClassifier()).contributions(filtered, classIndex), limit);
    }

    /** The terms behind cohort {@code k} of a multi-label model, for an instance already through its word filter. */
    private List<TermWeight> memberReasons(Instance filtered, int k, int limit) throws Exception {
        ExplainableLibLinear learner = oneVsRest.learner(k);
        return learner == null ? List.of() : strongest(learner.contributions(filtered, OneVsRest.MEMBER), limit);
    }

    private static List<TermWeight> strongest(List<TermWeight> contributions, int limit) {
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
        List<CohortTerms> terms = new ArrayList<>();
        int classes = oneVsRest != null ? metadata.classes().size() : header.numClasses();
        for (int c = 0; c < classes; c++) {
            List<TermWeight> weights;
            if (oneVsRest != null) {
                ExplainableLibLinear learner = oneVsRest.learner(c);
                weights = learner == null ? List.of() : learner.weights(OneVsRest.MEMBER);
            } else {
                weights = ((ExplainableLibLinear) classifier.getClassifier()).weights(c);
            }
            List<TermWeight> positive = weights.stream().filter(t -> t.weight() > 0)
                    .sorted(Comparator.comparingDouble(TermWeight::weight).reversed()).limit(limit).map(CohortModel::readable).toList();
            List<TermWeight> negative = weights.stream().filter(t -> t.weight() < 0)
                    .sorted(Comparator.comparingDouble(TermWeight::weight)).limit(limit).map(CohortModel::readable).toList();
            terms.add(new CohortTerms(className(c), positive, negative));
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

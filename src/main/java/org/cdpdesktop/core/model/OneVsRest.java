package org.cdpdesktop.core.model;

import java.io.Serializable;
import java.util.Set;
import java.util.function.LongFunction;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.Filter;

/**
 * A multi-label model: one TF-IDF word filter, learnt once, and per cohort a binary logistic regression (member or
 * not) over its terms. A cohort every training row had, or none had, gets a constant probability instead.
 */
final class OneVsRest implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String NO = "no";
    static final String YES = "yes";
    /** The class value index of "member" in every learner's binary label. */
    static final int MEMBER = 1;

    private final Filter features;
    private final ExplainableLibLinear[] learners;
    private final double[] constants;
    /**
     * Not read: the thresholds, one per cohort, are in the metadata. Written as one half, as every file before them
     * had it, so a version that still reads its threshold here gives cohorts from one half rather than from zero.
     */
    @SuppressWarnings("unused")
    private final double threshold = ModelMetadata.DEFAULT_THRESHOLD;

    private OneVsRest(Filter features, ExplainableLibLinear[] learners, double[] constants) {
        this.features = features;
        this.learners = learners;
        this.constants = constants;
    }

    /**
     * Learns the word filter from {@code train} (binary label {@link #NO}/{@link #YES}, values unset) and one learner
     * per cohort index below {@code classes}; {@code labels} gives each row's cohort indices by profile id.
     */
    static OneVsRest fit(TrainingSpec spec, Instances train, LongFunction<Set<Integer>> labels, int classes) throws Exception {
        Filter features = CohortTrainer.features(spec);
        features.setInputFormat(train);
        Instances filtered = Filter.useFilter(train, features);
        ExplainableLibLinear[] learners = new ExplainableLibLinear[classes];
        double[] constants = new double[classes];
        for (int k = 0; k < classes; k++) {
            Instances binary = new Instances(filtered);
            int members = 0;
            for (int i = 0; i < binary.numInstances(); i++) {
                boolean member = labels.apply((long) train.instance(i).value(FeatureSchema.ID)).contains(k);
                binary.instance(i).setClassValue(member ? MEMBER : 0);
                members += member ? 1 : 0;
            }
            if (members == 0 || members == binary.numInstances()) {
                constants[k] = members == 0 ? 0 : 1;
            } else {
                learners[k] = ExplainableLibLinear.logisticRegression(spec.cost());
                learners[k].buildClassifier(binary);
            }
        }
        return new OneVsRest(features, learners, constants);
    }

    /** {@code instance} as the learners see it: through the word filter learnt in training. */
    Instance features(Instance instance) throws Exception {
        features.input(instance);
        features.batchFinished();
        return features.output();
    }

    /** Each cohort's probability for an instance already through {@link #features(Instance)}; they need not sum to 1. */
    double[] probabilities(Instance filtered) throws Exception {
        double[] probabilities = new double[learners.length];
        for (int k = 0; k < learners.length; k++) {
            probabilities[k] = learners[k] == null ? constants[k] : learners[k].distributionForInstance(filtered)[MEMBER];
        }
        return probabilities;
    }

    /** Cohort {@code k}'s learner, or null when its probability is a constant. */
    ExplainableLibLinear learner(int k) {
        return learners[k];
    }
}

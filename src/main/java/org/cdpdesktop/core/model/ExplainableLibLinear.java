package org.cdpdesktop.core.model;

import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.List;
import weka.classifiers.functions.LibLINEAR;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SelectedTag;

/**
 * Weka's LibLINEAR wrapper with its weights opened up: the weight of every feature for every class, and one
 * instance's features as the solver sees them, so a prediction can name the terms behind it.
 */
public class ExplainableLibLinear extends LibLINEAR {

    private static final long serialVersionUID = 1L;

    private Instances solverFormat;

    /** L2-regularised logistic regression with probability estimates and a bias term. */
    public static ExplainableLibLinear logisticRegression(double cost) {
        ExplainableLibLinear classifier = new ExplainableLibLinear();
        classifier.setSVMType(new SelectedTag(0, TAGS_SVMTYPE));
        classifier.setProbabilityEstimates(true);
        classifier.setCost(cost);
        classifier.setBias(1.0);
        return classifier;
    }

    @Override
    public void buildClassifier(Instances instances) throws Exception {
        super.buildClassifier(instances);
        solverFormat = m_NominalToBinary != null ? m_NominalToBinary.getOutputFormat() : new Instances(m_Header, 0);
    }

    /** Feature {@code attribute}'s weight for class {@code classIndex} (a Weka class value index). */
    double weight(int attribute, int classIndex) {
        Model model = getModel();
        int[] labels = model.getLabels();
        int classes = model.getNrClass();
        int weightsPerFeature = classes == 2 && m_SolverType != SolverType.MCSVM_CS ? 1 : classes;
        double[] weights = model.getFeatureWeights();
        int position = -1;
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] == classIndex) {
                position = k;
            }
        }
        if (position < 0) {
            return 0;
        }
        if (weightsPerFeature == 1) {
            double weight = weights[attribute];
            return position == 0 ? weight : -weight;
        }
        return weights[attribute * weightsPerFeature + position];
    }

    /** Every feature's name and weight for {@code classIndex}; the bias is left out. */
    List<TermWeight> weights(int classIndex) {
        List<TermWeight> all = new ArrayList<>();
        for (int attribute = 0; attribute < solverFormat.numAttributes(); attribute++) {
            if (attribute != solverFormat.classIndex()) {
                all.add(new TermWeight(solverFormat.attribute(attribute).name(), weight(attribute, classIndex)));
            }
        }
        return all;
    }

    /** What each feature of {@code instance} (already through the model's word filter) adds to {@code classIndex}'s score. */
    List<TermWeight> contributions(Instance instance, int classIndex) throws Exception {
        Instance converted = instance;
        if (m_ReplaceMissingValues != null) {
            m_ReplaceMissingValues.input(converted);
            m_ReplaceMissingValues.batchFinished();
            converted = m_ReplaceMissingValues.output();
        }
        if (m_NominalToBinary != null) {
            m_NominalToBinary.input(converted);
            m_NominalToBinary.batchFinished();
            converted = m_NominalToBinary.output();
        }
        List<TermWeight> contributions = new ArrayList<>();
        for (FeatureNode node : instanceToArray(converted)) {
            int attribute = node.getIndex() - 1;
            if (attribute < solverFormat.numAttributes()) {
                contributions.add(new TermWeight(solverFormat.attribute(attribute).name(), node.getValue() * weight(attribute, classIndex)));
            }
        }
        return contributions;
    }
}

package org.cdpdesktop.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.jobs.JobContext;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Trains a multi-label cohort model one-vs-rest and measures it as multi-label models are measured: per cohort its
 * 2x2 and precision, recall and F1; over all decisions micro F1 and Hamming loss; per profile subset accuracy. Each
 * fold learns its own word list, as single-label training does.
 */
final class MultiLabelTrainer {

    /** A cohort is given when its probability reaches one half; a profile with none gets its most likely one. */
    static final double THRESHOLD = 0.5;

    private MultiLabelTrainer() {
    }

    static CohortTrainer.Trained train(TrainingSpec spec, List<FeatureRow> rows, JobContext context) {
        if (rows.isEmpty()) {
            throw new ModelException("No profile carries a cohort to learn from; import a file with a cohort column first");
        }
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(row -> names.addAll(FeatureReader.labels(row)));
        List<String> classes = List.copyOf(names);
        if (classes.size() < 2) {
            throw new ModelException("Every labelled profile has the same cohort (\"" + classes.get(0) + "\"); a model needs at least two to tell apart");
        }
        int folds = spec.holdOutPercent() > 0 ? 0 : spec.folds();
        if (folds > rows.size()) {
            throw new ModelException(folds + "-fold cross-validation needs at least " + folds + " labelled profiles; there are " + rows.size());
        }
        Map<Long, Set<Integer>> labels = new HashMap<>();
        for (FeatureRow row : rows) {
            Set<Integer> indices = new TreeSet<>();
            FeatureReader.labels(row).forEach(label -> indices.add(classes.indexOf(label)));
            labels.put(row.profileId(), indices);
        }
        try {
            Instances all = FeatureSchema.header(spec, rows, List.of(OneVsRest.NO, OneVsRest.YES));
            for (FeatureRow row : rows) {
                all.add(FeatureSchema.instance(all, new FeatureRow(row.profileId(), row.text(), row.numbers(), row.nominals(), null), true));
            }
            long evaluationStarted = System.nanoTime();
            Instances shuffled = new Instances(all);
            Random random = new Random(spec.seed());
            shuffled.randomize(random);
            Tally tally = new Tally(classes.size());
            String method;
            int steps = folds > 0 ? folds + 1 : 2;
            if (folds > 0) {
                method = folds + "-fold cross-validation";
                for (int fold = 0; fold < folds; fold++) {
                    context.throwIfCancelled();
                    context.progress(fold, steps, "Fold " + (fold + 1) + " of " + folds);
                    Instances test = shuffled.testCV(folds, fold);
                    tally.add(OneVsRest.fit(spec, shuffled.trainCV(folds, fold, random), labels::get, classes.size(), THRESHOLD), test, labels);
                }
            } else {
                method = spec.holdOutPercent() + "% hold-out";
                int testSize = Math.max(1, (int) Math.round(shuffled.numInstances() * spec.holdOutPercent() / 100.0));
                int trainSize = shuffled.numInstances() - testSize;
                context.progress(0, steps, "Training on " + trainSize + " profiles, testing on " + testSize);
                tally.add(OneVsRest.fit(spec, new Instances(shuffled, 0, trainSize), labels::get, classes.size(), THRESHOLD),
                        new Instances(shuffled, trainSize, testSize), labels);
            }
            long evaluationMillis = (System.nanoTime() - evaluationStarted) / 1_000_000;
            context.throwIfCancelled();
            context.progress(steps - 1, steps, "Training the final model on " + rows.size() + " profiles");
            long trainStarted = System.nanoTime();
            OneVsRest model = OneVsRest.fit(spec, all, labels::get, classes.size(), THRESHOLD);
            long trainMillis = (System.nanoTime() - trainStarted) / 1_000_000;
            context.progress(steps, steps, "Trained");
            Instant now = Instant.now();
            ModelMetadata metadata = new ModelMetadata(spec.labelName() + "-" + CohortTrainer.ID_FORMAT.format(now), now.toString(),
                    spec.algorithm().key(), CohortTrainer.parameters(spec), spec.textFields(), spec.features(), spec.labelKind().name(),
                    spec.label(), classes, rows.size(), tally.report(method, classes, trainMillis, evaluationMillis), null,
                    DriftBaseline.of(rows), null, true);
            return new CohortTrainer.Trained(new CohortModel(metadata, new Instances(all, 0), model), null);
        } catch (ModelException | JobCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new ModelException("Training failed: " + e.getMessage(), e);
        }
    }

    /** The given cohorts for one row's probabilities: those reaching the threshold, or else the most likely one. */
    static Set<Integer> given(double[] probabilities, double threshold) {
        Set<Integer> given = new TreeSet<>();
        int best = 0;
        for (int k = 0; k < probabilities.length; k++) {
            if (probabilities[k] >= threshold) {
                given.add(k);
            }
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        if (given.isEmpty()) {
            given.add(best);
        }
        return given;
    }

    /** Counts every tested profile's decisions and keeps each cohort's probabilities for its ROC area. */
    private static final class Tally {
        private final long[] truePositives;
        private final long[] falsePositives;
        private final long[] falseNegatives;
        private final List<List<double[]>> scored = new ArrayList<>();
        private long tested;
        private long exact;
        private long labelsSeen;

        Tally(int classes) {
            truePositives = new long[classes];
            falsePositives = new long[classes];
            falseNegatives = new long[classes];
            for (int k = 0; k < classes; k++) {
                scored.add(new ArrayList<>());
            }
        }

        void add(OneVsRest model, Instances test, Map<Long, Set<Integer>> labels) throws Exception {
            for (int i = 0; i < test.numInstances(); i++) {
                Instance instance = test.instance(i);
                Set<Integer> actual = labels.get((long) instance.value(FeatureSchema.ID));
                double[] probabilities = model.probabilities(model.features(instance));
                Set<Integer> given = given(probabilities, model.threshold());
                tested++;
                labelsSeen += actual.size();
                exact += given.equals(actual) ? 1 : 0;
                for (int k = 0; k < probabilities.length; k++) {
                    boolean is = actual.contains(k);
                    boolean said = given.contains(k);
                    truePositives[k] += is && said ? 1 : 0;
                    falsePositives[k] += !is && said ? 1 : 0;
                    falseNegatives[k] += is && !said ? 1 : 0;
                    scored.get(k).add(new double[] {probabilities[k], is ? 1 : 0});
                }
            }
        }

        EvaluationReport report(String method, List<String> classes, long trainMillis, long evaluationMillis) {
            List<EvaluationReport.ClassFigures> perClass = new ArrayList<>();
            List<EvaluationReport.BinaryConfusion> confusion = new ArrayList<>();
            double macro = 0;
            double weighted = 0;
            long support = 0;
            long allTp = 0;
            long allFp = 0;
            long allFn = 0;
            for (int k = 0; k < classes.size(); k++) {
                long tp = truePositives[k];
                long fp = falsePositives[k];
                long fn = falseNegatives[k];
                double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
                double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
                double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                perClass.add(new EvaluationReport.ClassFigures(classes.get(k), tp + fn, precision, recall, f1, rocArea(scored.get(k)), null));
                confusion.add(new EvaluationReport.BinaryConfusion(classes.get(k), tp, fp, fn, tested - tp - fp - fn));
                macro += f1;
                weighted += f1 * (tp + fn);
                support += tp + fn;
                allTp += tp;
                allFp += fp;
                allFn += fn;
            }
            double micro = 2 * allTp + allFp + allFn == 0 ? 0 : 2.0 * allTp / (2 * allTp + allFp + allFn);
            double hamming = tested == 0 ? 0 : (allFp + allFn) / (double) (tested * classes.size());
            double subset = tested == 0 ? 0 : exact / (double) tested;
            EvaluationReport.MultiLabelFigures figures = new EvaluationReport.MultiLabelFigures(micro, hamming, subset,
                    tested == 0 ? 0 : labelsSeen / (double) tested, THRESHOLD, confusion);
            return new EvaluationReport(method, tested, subset, Double.NaN, macro / classes.size(), support == 0 ? 0 : weighted / support,
                    perClass, classes, new long[0][0], trainMillis, evaluationMillis, figures);
        }

        /** The probability that a member scores above a non-member (ties count half); null without both. */
        private static Double rocArea(List<double[]> scores) {
            double[][] sorted = scores.toArray(double[][]::new);
            Arrays.sort(sorted, (a, b) -> Double.compare(a[0], b[0]));
            long positives = scores.stream().filter(s -> s[1] == 1).count();
            long negatives = scores.size() - positives;
            if (positives == 0 || negatives == 0) {
                return null;
            }
            double rankSum = 0;
            int i = 0;
            while (i < sorted.length) {
                int j = i;
                while (j + 1 < sorted.length && sorted[j + 1][0] == sorted[i][0]) {
                    j++;
                }
                double rank = (i + j) / 2.0 + 1;
                for (int t = i; t <= j; t++) {
                    if (sorted[t][1] == 1) {
                        rankSum += rank;
                    }
                }
                i = j + 1;
            }
            return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
        }
    }
}

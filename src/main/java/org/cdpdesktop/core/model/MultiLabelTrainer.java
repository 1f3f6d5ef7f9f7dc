package org.cdpdesktop.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 *
 * <p>Each cohort gets its own threshold, the one that maximises its F1 on out-of-fold probabilities
 * ({@link CohortThresholds}). The model keeps those chosen on every profile's out-of-fold probabilities. The figures
 * score each fold with thresholds chosen on the other folds' probabilities only, so no threshold is tuned on the
 * predictions it is scored on. Those other folds' learners did train on the scored fold's profiles, which a nested
 * cross-validation would avoid at several times the cost; a threshold is one number per cohort, so what it can learn
 * from that is slight. A hold-out's thresholds come from a cross-validation within its training part.
 */
final class MultiLabelTrainer {

    /** Folds of the cross-validation within a hold-out's training part, whose probabilities choose its thresholds. */
    static final int INNER_FOLDS = 5;
    /** The fold of a row scored only to choose thresholds, never for the figures. */
    private static final int CHOOSING_ONLY = -1;

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
        int cohorts = classes.size();
        try {
            Instances all = FeatureSchema.header(spec, rows, List.of(OneVsRest.NO, OneVsRest.YES));
            for (FeatureRow row : rows) {
                all.add(FeatureSchema.instance(all, new FeatureRow(row.profileId(), row.text(), row.numbers(), row.nominals(), null), true));
            }
            long evaluationStarted = System.nanoTime();
            Instances shuffled = new Instances(all);
            Random random = new Random(spec.seed());
            shuffled.randomize(random);
            OutOfFold scored = new OutOfFold(labels);
            String method;
            int steps;
            if (folds > 0) {
                method = folds + "-fold cross-validation";
                steps = folds + 1;
                for (int fold = 0; fold < folds; fold++) {
                    context.throwIfCancelled();
                    context.progress(fold, steps, "Fold " + (fold + 1) + " of " + folds);
                    scored.add(OneVsRest.fit(spec, shuffled.trainCV(folds, fold, random), labels::get, cohorts), shuffled.testCV(folds, fold), fold);
                }
            } else {
                method = spec.holdOutPercent() + "% hold-out";
                int testSize = Math.max(1, (int) Math.round(shuffled.numInstances() * spec.holdOutPercent() / 100.0));
                int trainSize = shuffled.numInstances() - testSize;
                Instances train = new Instances(shuffled, 0, trainSize);
                int inner = Math.min(INNER_FOLDS, trainSize);
                steps = inner + 2;
                for (int fold = 0; inner > 1 && fold < inner; fold++) {
                    context.throwIfCancelled();
                    context.progress(fold, steps, "Choosing thresholds: fold " + (fold + 1) + " of " + inner + " within the training part");
                    scored.add(OneVsRest.fit(spec, train.trainCV(inner, fold, random), labels::get, cohorts), train.testCV(inner, fold), CHOOSING_ONLY);
                }
                context.throwIfCancelled();
                context.progress(steps - 2, steps, "Training on " + trainSize + " profiles, testing on " + testSize);
                scored.add(OneVsRest.fit(spec, train, labels::get, cohorts), new Instances(shuffled, trainSize, testSize), 0);
            }
            Tally tally = scored.tally(cohorts);
            long evaluationMillis = (System.nanoTime() - evaluationStarted) / 1_000_000;
            context.throwIfCancelled();
            context.progress(steps - 1, steps, "Training the final model on " + rows.size() + " profiles");
            long trainStarted = System.nanoTime();
            OneVsRest model = OneVsRest.fit(spec, all, labels::get, cohorts);
            long trainMillis = (System.nanoTime() - trainStarted) / 1_000_000;
            context.progress(steps, steps, "Trained");
            double[] chosen = CohortThresholds.choose(scored.probabilities, scored.actual, row -> true, cohorts);
            Map<String, Double> thresholds = new LinkedHashMap<>();
            for (int k = 0; k < cohorts; k++) {
                thresholds.put(classes.get(k), chosen[k]);
            }
            Instant now = Instant.now();
            ModelMetadata metadata = new ModelMetadata(spec.labelName() + "-" + CohortTrainer.ID_FORMAT.format(now), now.toString(),
                    spec.algorithm().key(), CohortTrainer.parameters(spec), spec.textFields(), spec.features(), spec.labelKind().name(),
                    spec.label(), classes, rows.size(), tally.report(method, classes, trainMillis, evaluationMillis), null,
                    DriftBaseline.of(rows), null, true, thresholds);
            return new CohortTrainer.Trained(new CohortModel(metadata, new Instances(all, 0), model), tally.cells.toArrays());
        } catch (ModelException | JobCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new ModelException("Training failed: " + e.getMessage(), e);
        }
    }

    /**
     * The given cohorts for one row's probabilities: each reaching its own threshold, or else the most likely one.
     */
    static Set<Integer> given(double[] probabilities, double[] thresholds) {
        Set<Integer> given = new TreeSet<>();
        int best = 0;
        for (int k = 0; k < probabilities.length; k++) {
            if (probabilities[k] >= thresholds[k]) {
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

    /** Every tested profile's out-of-fold probabilities, its cohorts and the fold that scored it, in the order tested. */
    private static final class OutOfFold {
        private final Map<Long, Set<Integer>> labels;
        private final List<Long> ids = new ArrayList<>();
        private final List<double[]> probabilities = new ArrayList<>();
        private final List<Set<Integer>> actual = new ArrayList<>();
        private final List<Integer> folds = new ArrayList<>();

        OutOfFold(Map<Long, Set<Integer>> labels) {
            this.labels = labels;
        }

        void add(OneVsRest model, Instances test, int fold) throws Exception {
            for (int i = 0; i < test.numInstances(); i++) {
                Instance instance = test.instance(i);
                long id = (long) instance.value(FeatureSchema.ID);
                ids.add(id);
                probabilities.add(model.probabilities(model.features(instance)));
                actual.add(labels.get(id));
                folds.add(fold);
            }
        }

        /** Scores each fold with thresholds chosen on every other row, and at one half for comparison. */
        Tally tally(int cohorts) {
            Tally tally = new Tally(cohorts);
            double[] half = new double[cohorts];
            Arrays.fill(half, ModelMetadata.DEFAULT_THRESHOLD);
            Map<Integer, double[]> perFold = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                int fold = folds.get(i);
                if (fold == CHOOSING_ONLY) {
                    continue;
                }
                double[] thresholds = perFold.computeIfAbsent(fold, f -> CohortThresholds.choose(probabilities, actual, row -> folds.get(row) != f, cohorts));
                tally.add(ids.get(i), actual.get(i), probabilities.get(i), given(probabilities.get(i), thresholds), given(probabilities.get(i), half));
            }
            return tally;
        }
    }

    /** Decisions per cohort: true positives, false positives and false negatives, and profiles with all cohorts right. */
    private static final class Counts {
        private final long[] truePositives;
        private final long[] falsePositives;
        private final long[] falseNegatives;
        private long exact;

        Counts(int classes) {
            truePositives = new long[classes];
            falsePositives = new long[classes];
            falseNegatives = new long[classes];
        }

        void add(Set<Integer> actual, Set<Integer> given) {
            exact += given.equals(actual) ? 1 : 0;
            for (int k = 0; k < truePositives.length; k++) {
                boolean is = actual.contains(k);
                boolean said = given.contains(k);
                truePositives[k] += is && said ? 1 : 0;
                falsePositives[k] += !is && said ? 1 : 0;
                falseNegatives[k] += is && !said ? 1 : 0;
            }
        }

        double precision(int k) {
            return truePositives[k] + falsePositives[k] == 0 ? 0 : truePositives[k] / (double) (truePositives[k] + falsePositives[k]);
        }

        double recall(int k) {
            return truePositives[k] + falseNegatives[k] == 0 ? 0 : truePositives[k] / (double) (truePositives[k] + falseNegatives[k]);
        }

        double f1(int k) {
            double precision = precision(k);
            double recall = recall(k);
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        double macroF1() {
            double sum = 0;
            for (int k = 0; k < truePositives.length; k++) {
                sum += f1(k);
            }
            return sum / truePositives.length;
        }
    }

    /**
     * Counts every tested profile's decisions with the chosen thresholds and at one half, keeps each cohort's
     * probabilities for its ROC area and each profile's place in every cohort's 2x2.
     */
    private static final class Tally {
        private final Counts tuned;
        private final Counts half;
        private final ConfusionCells cells;
        private final List<List<double[]>> scored = new ArrayList<>();
        private long tested;
        private long labelsSeen;

        Tally(int classes) {
            tuned = new Counts(classes);
            half = new Counts(classes);
            cells = new ConfusionCells(classes, 4);
            for (int k = 0; k < classes; k++) {
                scored.add(new ArrayList<>());
            }
        }

        void add(long id, Set<Integer> actual, double[] probabilities, Set<Integer> given, Set<Integer> givenAtHalf) {
            tested++;
            labelsSeen += actual.size();
            tuned.add(actual, given);
            half.add(actual, givenAtHalf);
            cells.addCohorts(actual, given, id);
            for (int k = 0; k < probabilities.length; k++) {
                scored.get(k).add(new double[] {probabilities[k], actual.contains(k) ? 1 : 0});
            }
        }

        EvaluationReport report(String method, List<String> classes, long trainMillis, long evaluationMillis) {
            List<EvaluationReport.ClassFigures> perClass = new ArrayList<>();
            List<EvaluationReport.BinaryConfusion> confusion = new ArrayList<>();
            double weighted = 0;
            long support = 0;
            long allTp = 0;
            long allFp = 0;
            long allFn = 0;
            for (int k = 0; k < classes.size(); k++) {
                long tp = tuned.truePositives[k];
                long fp = tuned.falsePositives[k];
                long fn = tuned.falseNegatives[k];
                double f1 = tuned.f1(k);
                perClass.add(new EvaluationReport.ClassFigures(classes.get(k), tp + fn, tuned.precision(k), tuned.recall(k), f1, rocArea(scored.get(k)), null));
                confusion.add(new EvaluationReport.BinaryConfusion(classes.get(k), tp, fp, fn, tested - tp - fp - fn));
                weighted += f1 * (tp + fn);
                support += tp + fn;
                allTp += tp;
                allFp += fp;
                allFn += fn;
            }
            double micro = 2 * allTp + allFp + allFn == 0 ? 0 : 2.0 * allTp / (2 * allTp + allFp + allFn);
            double hamming = tested == 0 ? 0 : (allFp + allFn) / (double) (tested * classes.size());
            double subset = tested == 0 ? 0 : tuned.exact / (double) tested;
            EvaluationReport.MultiLabelFigures figures = new EvaluationReport.MultiLabelFigures(micro, hamming, subset,
                    tested == 0 ? 0 : labelsSeen / (double) tested, confusion, half.macroF1());
            return new EvaluationReport(method, tested, subset, Double.NaN, tuned.macroF1(), support == 0 ? 0 : weighted / support,
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

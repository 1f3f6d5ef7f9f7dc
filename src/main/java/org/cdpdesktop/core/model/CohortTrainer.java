package org.cdpdesktop.core.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.cdpdesktop.core.jobs.JobCancelledException;
import org.cdpdesktop.core.jobs.JobContext;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.bayes.NaiveBayesMultinomial;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.trees.RandomForest;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializedObject;
import weka.core.SelectedTag;
import weka.core.Utils;
import weka.core.tokenizers.NGramTokenizer;
import weka.core.tokenizers.WordTokenizer;
import weka.filters.Filter;
import weka.filters.MultiFilter;
import weka.filters.unsupervised.attribute.Remove;
import weka.filters.unsupervised.attribute.StringToWordVector;

/**
 * Trains a model from labelled rows and measures it honestly: each fold's word list and weights are learnt from
 * that fold's training rows only, so no test profile's words leak into its own prediction.
 */
final class CohortTrainer {

    /** Splits words on white space and punctuation, but keeps "video_games" (one interest) whole. */
    private static final String DELIMITERS = " \r\n\t.,;:'\"()?!/[]{}<>|&+=*#@~`$%^\\";
    /** Folds are independent, so they train side by side; two threads match the machines this runs on. */
    private static final int FOLD_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    private static final ThreadFactory FOLD_THREAD_FACTORY = runnable -> {
        Thread thread = new Thread(runnable, "training-fold");
        thread.setDaemon(true);
        return thread;
    };
    static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    static {
        WekaRuntime.prepare();
    }

    private CohortTrainer() {
    }

    /** The result of one training: the final model and, per confusion-matrix cell, the profiles that landed there. */
    record Trained(CohortModel model, long[][][] cellProfiles) {
    }

    static Trained train(TrainingSpec spec, FeatureReader.Labelled data, JobContext context) {
        if (spec.multiLabel(data.withSeveralLabels(), data.rows().size() + data.withSeveralLabels())) {
            return MultiLabelTrainer.train(spec, data.all(), context);
        }
        List<FeatureRow> rows = data.rows();
        List<String> classes = FeatureSchema.classes(rows);
        if (rows.isEmpty()) {
            throw new ModelException("No profile carries a " + spec.labelName() + " to learn from"
                    + (spec.labelKind() == LabelKind.COHORT ? "; import a file with a cohort column first" : ""));
        }
        if (classes.size() < 2) {
            throw new ModelException("Every labelled profile has the same " + spec.labelName() + " (\"" + classes.get(0)
                    + "\"); a model needs at least two to tell apart");
        }
        int folds = spec.holdOutPercent() > 0 ? 0 : spec.folds();
        if (folds > rows.size()) {
            throw new ModelException(folds + "-fold cross-validation needs at least " + folds + " labelled profiles; there are " + rows.size());
        }
        try {
            Instances all = FeatureSchema.header(spec, rows, classes);
            for (FeatureRow row : rows) {
                all.add(FeatureSchema.instance(all, row, true));
            }
            long evaluationStarted = System.nanoTime();
            Evaluation evaluation = new Evaluation(all);
            ConfusionCells cells = new ConfusionCells(classes.size());
            Instances shuffled = new Instances(all);
            Random random = new Random(spec.seed());
            shuffled.randomize(random);
            String method;
            int steps = folds > 0 ? folds + 1 : 2;
            if (folds > 0) {
                method = folds + "-fold cross-validation";
                shuffled.stratify(folds);
                List<Instances[]> splits = new ArrayList<>();
                for (int fold = 0; fold < folds; fold++) {
                    splits.add(new Instances[] {shuffled.trainCV(folds, fold, random), shuffled.testCV(folds, fold)});
                }
                context.progress(0, steps, "Fold 1 of " + folds);
                List<Future<double[][]>> results = new ArrayList<>();
                ExecutorService pool = Executors.newFixedThreadPool(FOLD_THREADS, FOLD_THREAD_FACTORY);
                try {
                    for (Instances[] split : splits) {
                        results.add(pool.submit(() -> {
                            context.throwIfCancelled();
                            return distributions(spec, split[0], split[1]);
                        }));
                    }
                    for (int fold = 0; fold < folds; fold++) {
                        double[][] distributions = results.get(fold).get();
                        record(splits.get(fold)[1], distributions, evaluation, cells);
                        context.throwIfCancelled();
                        context.progress(fold + 1, steps, fold + 1 < folds ? "Fold " + (fold + 2) + " of " + folds : "Folds done");
                    }
                } catch (ExecutionException failed) {
                    throw failed.getCause() instanceof Exception cause ? cause : failed;
                } finally {
                    pool.shutdownNow();
                }
            } else {
                method = spec.holdOutPercent() + "% hold-out";
                int testSize = Math.max(1, (int) Math.round(shuffled.numInstances() * spec.holdOutPercent() / 100.0));
                int trainSize = shuffled.numInstances() - testSize;
                context.progress(0, steps, "Training on " + trainSize + " profiles, testing on " + testSize);
                Instances test = new Instances(shuffled, trainSize, testSize);
                record(test, distributions(spec, new Instances(shuffled, 0, trainSize), test), evaluation, cells);
            }
            long evaluationMillis = (System.nanoTime() - evaluationStarted) / 1_000_000;
            context.throwIfCancelled();
            context.progress(steps - 1, steps, "Training the final model on " + rows.size() + " profiles");
            long trainStarted = System.nanoTime();
            FilteredClassifier classifier = pipeline(spec);
            classifier.buildClassifier(all);
            long trainMillis = (System.nanoTime() - trainStarted) / 1_000_000;
            context.progress(steps, steps, "Trained");
            long[][][] cellProfiles = cells.toArrays();
            EvaluationReport report = report(evaluation, method, classes, cellProfiles, trainMillis, evaluationMillis);
            Instant now = Instant.now();
            ModelMetadata metadata = new ModelMetadata(spec.labelName().replace(':', '-') + "-" + ID_FORMAT.format(now), now.toString(),
                    spec.algorithm().key(), parameters(spec), spec.textFields(), spec.features(), spec.labelKind().name(), spec.label(),
                    classes, rows.size(), report, null, DriftBaseline.of(rows), null, false, null);
            return new Trained(new CohortModel(metadata, new Instances(all, 0), classifier), cellProfiles);
        } catch (ModelException | JobCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new ModelException("Training failed: " + e.getMessage(), e);
        }
    }

    /** Trains on {@code train} and returns the class distribution for each row of {@code test}. */
    private static double[][] distributions(TrainingSpec spec, Instances train, Instances test) throws Exception {
        Classifier classifier = pipeline(spec);
        classifier.buildClassifier(train);
        double[][] distributions = new double[test.numInstances()][];
        for (int i = 0; i < test.numInstances(); i++) {
            distributions[i] = classifier.distributionForInstance(test.instance(i));
            if (i == 0) {
                // As CohortModel.scoringCopies explains: after one prediction, a copy predicts without clearing a
                // string table sized for the whole training set each time.
                classifier = (Classifier) new SerializedObject(classifier).getObject();
            }
        }
        return distributions;
    }

    private static void record(Instances test, double[][] distributions, Evaluation evaluation, ConfusionCells cells) throws Exception {
        for (int i = 0; i < test.numInstances(); i++) {
            Instance instance = test.instance(i);
            double predicted = evaluation.evaluateModelOnceAndRecordPrediction(distributions[i], instance);
            cells.add((int) instance.classValue(), (int) predicted, (long) instance.value(FeatureSchema.ID));
        }
    }

    /** The word filter and learner, in one classifier so cross-validation re-learns the word list per fold. */
    static FilteredClassifier pipeline(TrainingSpec spec) throws Exception {
        FilteredClassifier classifier = new FilteredClassifier();
        classifier.setFilter(features(spec));
        classifier.setClassifier(learner(spec));
        return classifier;
    }

    /** What turns a row into the learner's features: the profile id dropped, the words as TF-IDF terms. */
    static Filter features(TrainingSpec spec) {
        Remove dropId = new Remove();
        dropId.setAttributeIndices(String.valueOf(FeatureSchema.ID + 1));
        if (spec.textFields().isEmpty()) {
            // No words to weigh: the empty text column goes too, as the word filter cannot size documents without words.
            dropId.setAttributeIndices((FeatureSchema.ID + 1) + "," + (FeatureSchema.TEXT + 1));
            return dropId;
        }
        StringToWordVector words = new StringToWordVector();
        words.setAttributeIndices("first");
        words.setAttributeNamePrefix(CohortModel.TERM_PREFIX);
        words.setLowerCaseTokens(true);
        words.setOutputWordCounts(true);
        words.setTFTransform(true);
        words.setIDFTransform(true);
        words.setNormalizeDocLength(new SelectedTag(StringToWordVector.FILTER_NORMALIZE_ALL, StringToWordVector.TAGS_FILTER));
        words.setWordsToKeep(1_000_000);
        words.setDoNotOperateOnPerClassBasis(true);
        words.setMinTermFreq(spec.minTermFrequency());
        if (spec.maxNgram() > 1) {
            NGramTokenizer tokenizer = new NGramTokenizer();
            tokenizer.setNGramMinSize(1);
            tokenizer.setNGramMaxSize(spec.maxNgram());
            tokenizer.setDelimiters(DELIMITERS);
            words.setTokenizer(tokenizer);
        } else {
            WordTokenizer tokenizer = new WordTokenizer();
            tokenizer.setDelimiters(DELIMITERS);
            words.setTokenizer(tokenizer);
        }
        MultiFilter filter = new MultiFilter();
        filter.setFilters(new Filter[] {dropId, words});
        return filter;
    }

    private static AbstractClassifier learner(TrainingSpec spec) {
        return switch (spec.algorithm()) {
            case LOGISTIC_REGRESSION -> ExplainableLibLinear.logisticRegression(spec.cost());
            case NAIVE_BAYES -> new NaiveBayesMultinomial();
            case RANDOM_FOREST -> {
                RandomForest forest = new RandomForest();
                forest.setNumIterations(spec.trees());
                forest.setSeed((int) spec.seed());
                forest.setNumExecutionSlots(2);
                yield forest;
            }
        };
    }

    static Map<String, Object> parameters(TrainingSpec spec) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("folds", spec.folds());
        parameters.put("holdOutPercent", spec.holdOutPercent());
        parameters.put("seed", spec.seed());
        parameters.put("maxNgram", spec.maxNgram());
        parameters.put("minTermFrequency", spec.minTermFrequency());
        if (spec.algorithm() == Algorithm.LOGISTIC_REGRESSION) {
            parameters.put("cost", spec.cost());
        }
        if (spec.algorithm() == Algorithm.RANDOM_FOREST) {
            parameters.put("trees", spec.trees());
        }
        parameters.put("labelMode", spec.labelMode().name());
        return parameters;
    }

    private static EvaluationReport report(Evaluation evaluation, String method, List<String> classes, long[][][] cells,
                                           long trainMillis, long evaluationMillis) {
        List<EvaluationReport.ClassFigures> perClass = new ArrayList<>();
        double macro = 0;
        for (int c = 0; c < classes.size(); c++) {
            double f1 = zeroIfUndefined(evaluation.fMeasure(c));
            macro += f1;
            perClass.add(new EvaluationReport.ClassFigures(classes.get(c), rowTotal(cells[c]),
                    zeroIfUndefined(evaluation.precision(c)), zeroIfUndefined(evaluation.recall(c)), f1,
                    nullIfUndefined(evaluation.areaUnderROC(c)), nullIfUndefined(evaluation.areaUnderPRC(c))));
        }
        long[][] matrix = new long[classes.size()][classes.size()];
        for (int a = 0; a < classes.size(); a++) {
            for (int p = 0; p < classes.size(); p++) {
                matrix[a][p] = cells[a][p].length;
            }
        }
        return new EvaluationReport(method, (long) evaluation.numInstances(), evaluation.pctCorrect() / 100.0, evaluation.kappa(),
                macro / classes.size(), zeroIfUndefined(evaluation.weightedFMeasure()), perClass, classes, matrix, trainMillis, evaluationMillis);
    }

    private static long rowTotal(long[][] row) {
        long total = 0;
        for (long[] cell : row) {
            total += cell.length;
        }
        return total;
    }

    private static double zeroIfUndefined(double value) {
        return Double.isNaN(value) || Utils.isMissingValue(value) ? 0 : value;
    }

    private static Double nullIfUndefined(double value) {
        return Double.isNaN(value) || Utils.isMissingValue(value) ? null : value;
    }
}

package org.cdpdesktop.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.model.Algorithm;
import org.cdpdesktop.core.model.EvaluationReport;
import org.cdpdesktop.core.model.LabelKind;
import org.cdpdesktop.core.model.LabelMode;
import org.cdpdesktop.core.model.TrainingResult;
import org.cdpdesktop.core.model.TrainingSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code train}: trains and evaluates a model on the profiles' imported labels, saves it, prints its figures. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on the profiles' imported labels and print its evaluation as one JSON line.")
final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--label", defaultValue = "cohort", paramLabel = "FIELD",
            description = "What to learn: cohort (imported cohorts), a categorical field (gender, education, ...) or attr:NAME (default: ${DEFAULT-VALUE}).")
    private String label;

    @Option(names = "--text", split = ",", defaultValue = "interests,bio", paramLabel = "FIELDS",
            description = "Text fields turned into TF-IDF terms: interests, bio, attr:NAME (default: ${DEFAULT-VALUE}).")
    private List<String> text;

    @Option(names = "--features", split = ",", paramLabel = "FIELDS", description = "Extra fields: age, income, gender, country, state, city, education.")
    private List<String> features = List.of();

    @Option(names = "--algorithm", defaultValue = "logistic", paramLabel = "NAME",
            description = "logistic, naive-bayes or random-forest (default: ${DEFAULT-VALUE}).")
    private String algorithm;

    @Option(names = "--folds", defaultValue = "10", paramLabel = "K", description = "Stratified cross-validation folds (default: ${DEFAULT-VALUE}).")
    private int folds;

    @Option(names = "--holdout", defaultValue = "0", paramLabel = "PERCENT", description = "Test on this share of rows instead of cross-validating.")
    private int holdOut;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed for shuffling the folds (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--ngrams", defaultValue = "1", paramLabel = "N", description = "Longest word n-gram, 1 to 3 (default: ${DEFAULT-VALUE}).")
    private int ngrams;

    @Option(names = "--min-term-freq", defaultValue = "1", paramLabel = "N", description = "Drop terms seen fewer times (default: ${DEFAULT-VALUE}).")
    private int minTermFrequency;

    @Option(names = "--cost", defaultValue = "1.0", paramLabel = "C", description = "Logistic regression's C (default: ${DEFAULT-VALUE}).")
    private double cost;

    @Option(names = "--trees", defaultValue = "100", paramLabel = "N", description = "Random forest size (default: ${DEFAULT-VALUE}).")
    private int trees;

    @Option(names = "--multi-label", description = {"Learn several cohorts per profile, one-vs-rest (logistic regression only).",
        "Without it or --single-label: chosen when at least 5 % of labelled profiles carry several imported cohorts."})
    private boolean multiLabel;

    @Option(names = "--single-label", description = "Learn one label per profile; profiles with several imported cohorts are left out and counted.")
    private boolean singleLabel;

    @Override
    public Integer call() throws Exception {
        if (multiLabel && singleLabel) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Use either --multi-label or --single-label, not both");
        }
        LabelMode mode = multiLabel ? LabelMode.MULTI : singleLabel ? LabelMode.SINGLE : LabelMode.AUTO;
        TrainingSpec training = new TrainingSpec(labelKind(label), labelName(label), text, features, Algorithm.byKey(algorithm),
                folds, holdOut, seed, ngrams, minTermFrequency, cost, trees, mode);
        TrainingResult result = ForegroundJob.run(root.app().cohortModels().trainJob(training), spec.commandLine().getErr());
        Json.println(spec.commandLine().getOut(), toJson(result));
        return RootCommand.EXIT_OK;
    }

    static LabelKind labelKind(String label) {
        if (label.equalsIgnoreCase("cohort") || label.equalsIgnoreCase("cohorts")) {
            return LabelKind.COHORT;
        }
        return label.startsWith(TrainingSpec.ATTRIBUTE_PREFIX) ? LabelKind.ATTRIBUTE : LabelKind.FIELD;
    }

    static String labelName(String label) {
        return label.startsWith(TrainingSpec.ATTRIBUTE_PREFIX) ? label.substring(TrainingSpec.ATTRIBUTE_PREFIX.length()) : label;
    }

    static Map<String, Object> toJson(TrainingResult result) {
        EvaluationReport report = result.metadata().evaluation();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("modelId", result.metadata().id());
        json.put("algorithm", result.metadata().algorithm());
        json.put("label", result.metadata().spec().labelName());
        json.put("evaluation", report.method());
        json.put("trainingRows", result.metadata().trainingRows());
        json.put("withoutLabel", result.withoutLabel());
        json.put("withSeveralLabels", result.withSeveralLabels());
        json.put("multiLabel", result.metadata().multiLabel());
        EvaluationReport.MultiLabelFigures multi = report.multiLabel();
        if (multi == null) {
            json.put("accuracy", report.accuracy());
            json.put("kappa", report.kappa());
        } else {
            json.put("subsetAccuracy", multi.subsetAccuracy());
            json.put("microF1", multi.microF1());
            json.put("hammingLoss", multi.hammingLoss());
            json.put("labelCardinality", multi.cardinality());
            json.put("thresholds", result.metadata().thresholds());
            json.put("macroF1AtHalf", multi.macroF1AtHalf());
        }
        json.put("macroF1", report.macroF1());
        json.put("weightedF1", report.weightedF1());
        json.put("perClass", report.perClass());
        json.put("classes", report.classes());
        if (multi == null) {
            json.put("confusionMatrix", report.confusionMatrix());
        } else {
            json.put("perClassConfusion", multi.confusion());
        }
        json.put("trainMillis", report.trainMillis());
        json.put("evaluationMillis", report.evaluationMillis());
        json.put("active", result.activated());
        return json;
    }
}

package org.cdpdesktop.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.cdpdesktop.core.jobs.Job;
import org.cdpdesktop.core.jobs.JobListener;
import org.cdpdesktop.core.jobs.JobRunner;
import org.cdpdesktop.core.model.CohortModel;
import org.cdpdesktop.core.model.CohortModelService;
import org.cdpdesktop.core.model.EvaluationReport;
import org.cdpdesktop.core.model.ModelException;
import org.cdpdesktop.core.model.ModelMetadata;
import org.cdpdesktop.core.model.Prediction;
import org.cdpdesktop.core.model.TermWeight;
import org.cdpdesktop.core.model.TrainingResult;
import org.cdpdesktop.core.model.TrainingSpec;

/**
 * The model endpoints answered by the cohort model service: a profile's or a list of interests' cohorts with the terms
 * behind them, training with the defaults the CLI's {@code train} uses, and the model registry. While no model is
 * active the prediction endpoints answer 503 "no model", as they do without a model service.
 */
public final class CohortModelEndpoints implements ModelEndpoints {

    /** How many terms per cohort {@code explain} names, each way. */
    private static final int EXPLAIN_TERMS = 10;

    private final CohortModelService models;
    private final JobRunner jobs;

    public CohortModelEndpoints(CohortModelService models, JobRunner jobs) {
        this.models = models;
        this.jobs = jobs;
    }

    @Override
    public Object predict(Map<String, Object> profile) {
        requireActive();
        return answer(prediction(profile));
    }

    @Override
    public Object bulkPredict(List<Map<String, Object>> profiles) {
        if (profiles.size() > CompatRoutes.MAX_RECORDS_PER_REQUEST) {
            throw ApiError.badRequest("At most " + CompatRoutes.MAX_RECORDS_PER_REQUEST + " profiles per request, not " + profiles.size());
        }
        requireActive();
        List<Map<String, Object>> predictions = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            try {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("index", i);
                answer.putAll(answer(prediction(profiles.get(i))));
                predictions.add(answer);
            } catch (ApiError | IllegalArgumentException refused) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("index", i);
                error.put("error", refused.getMessage());
                errors.add(error);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("predictions", predictions);
        answer.put("errors", errors);
        return answer;
    }

    @Override
    public Object train() {
        TrainingResult result = run(models.trainJob(TrainingSpec.cohorts()));
        ModelMetadata metadata = result.metadata();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", metadata.id());
        answer.put("algorithm", metadata.algorithm());
        answer.put("label", metadata.spec().labelName());
        answer.put("trainingRows", metadata.trainingRows());
        answer.put("withoutLabel", result.withoutLabel());
        answer.put("withSeveralLabels", result.withSeveralLabels());
        answer.putAll(figures(metadata));
        answer.put("active", result.activated());
        return answer;
    }

    @Override
    public Object models() {
        Optional<String> active = models.registry().activeId();
        return models.models().stream().map(metadata -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("version", metadata.id());
            model.put("created", metadata.created());
            model.put("algorithm", metadata.algorithm());
            model.put("label", metadata.spec().labelName());
            model.put("classes", metadata.classes());
            model.put("trainingRows", metadata.trainingRows());
            model.put("accuracy", metadata.evaluation() == null ? null : metadata.evaluation().accuracy());
            model.put("macroF1", metadata.evaluation() == null ? null : metadata.evaluation().macroF1());
            model.put("active", active.filter(metadata.id()::equals).isPresent());
            return model;
        }).toList();
    }

    @Override
    public Object activate(String version) {
        String id = known(version).id();
        try {
            return Map.of("active", models.activate(id).id());
        } catch (ModelException broken) {
            throw new ApiError(409, "cannot activate", broken.getMessage());
        }
    }

    @Override
    public Object evaluation(String version) {
        ModelMetadata metadata = known(version);
        if (metadata.evaluation() == null) {
            throw ApiError.notFound("The model " + metadata.id() + " was saved without an evaluation");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", metadata.id());
        answer.putAll(figures(metadata));
        return answer;
    }

    @Override
    public Object explain(String version) {
        ModelMetadata metadata = known(version);
        CohortModel model;
        try {
            model = models.model(metadata.id());
        } catch (ModelException broken) {
            throw new ApiError(409, "cannot load", broken.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", metadata.id());
        answer.put("explains", model.explains());
        answer.put("cohorts", model.topTerms(EXPLAIN_TERMS));
        return answer;
    }

    private ModelMetadata known(String version) {
        return models.models().stream().filter(metadata -> metadata.id().equals(version)).findFirst()
                .orElseThrow(() -> ApiError.notFound("No model '" + Requests.shorten(version) + "'; GET /api/v1/models lists them"));
    }

    private void requireActive() {
        boolean active;
        try {
            active = models.active().isPresent();
        } catch (ModelException broken) {
            throw new ApiError(503, "no model", "The active model cannot be loaded: " + broken.getMessage());
        }
        if (!active) {
            throw new ApiError(503, "no model", "No cohort model is active; train one (POST /train, the Model screen or the train command)"
                    + " or activate one (POST /api/v1/models/{version}/activate)");
        }
    }

    private <R> R run(Job<R> job) {
        try {
            return jobs.submit(job, JobListener.NONE).outcome().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "interrupted", "The server is stopping");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ModelException refused) {
                throw new ApiError(409, "cannot train", refused.getMessage());
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** The prediction for a profile sent as JSON: its interests (a list, or text split at | , ;), bio, attributes and fields. */
    private Prediction prediction(Map<String, Object> profile) {
        List<String> interests = ProfileValues.list(profile.get("interests"), "interests");
        String bio = ProfileValues.text(profile.get("bio"), "bio");
        Map<String, String> attributes = ProfileValues.attributes(profile.get("attributes"));
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (String field : TrainingSpec.NUMERIC_FEATURES) {
            Double value = ProfileValues.number(profile.get(field), field);
            if (value != null) {
                numbers.put(field, value);
            }
        }
        Map<String, String> nominals = new LinkedHashMap<>();
        for (String field : TrainingSpec.NOMINAL_FEATURES) {
            String value = ProfileValues.text(profile.get(field), field);
            if (value != null && !value.isBlank()) {
                nominals.put(field, value.strip());
            }
        }
        if (interests.isEmpty() && (bio == null || bio.isBlank()) && attributes.isEmpty() && numbers.isEmpty() && nominals.isEmpty()) {
            throw ApiError.badRequest("Nothing to predict from: give the profile's interests, bio or other fields, e.g. {\"interests\":[\"travel\"]}");
        }
        return models.predictValues(interests, bio, attributes, numbers, nominals);
    }

    /**
     * The old service's shape, {@code cohorts} with a confidence each (highest first) and the terms behind the
     * predicted one, plus the predicted cohort on its own and the explanation with each term's weight.
     */
    private static Map<String, Object> answer(Prediction prediction) {
        Map<String, List<String>> termsOfAssigned = new LinkedHashMap<>();
        for (Prediction.Assigned assigned : prediction.assigned()) {
            termsOfAssigned.put(assigned.cohort(),
                    assigned.reasons().stream().filter(reason -> reason.weight() > 0).map(TermWeight::term).toList());
        }
        List<Map<String, Object>> cohorts = prediction.scores().stream().map(score -> {
            Map<String, Object> cohort = new LinkedHashMap<>();
            cohort.put("cohort", score.cohort());
            cohort.put("confidence", score.probability());
            cohort.put("terms", termsOfAssigned.getOrDefault(score.cohort(), List.of()));
            return cohort;
        }).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("cohort", prediction.cohort());
        answer.put("confidence", prediction.confidence());
        answer.put("assigned", List.copyOf(termsOfAssigned.keySet()));
        answer.put("cohorts", cohorts);
        answer.put("explanation", prediction.reasons());
        answer.put("model", prediction.modelId());
        return answer;
    }

    /** A model's evaluation; a multi-label model's adds each cohort's 2x2 and threshold, and the macro F1 at one half. */
    private static Map<String, Object> figures(ModelMetadata metadata) {
        EvaluationReport report = metadata.evaluation();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("evaluation", report.method());
        figures.put("testedRows", report.testedRows());
        figures.put("accuracy", report.accuracy());
        figures.put("kappa", Double.isNaN(report.kappa()) ? null : report.kappa());
        figures.put("macroF1", report.macroF1());
        figures.put("weightedF1", report.weightedF1());
        figures.put("perClass", report.perClass());
        figures.put("classes", report.classes());
        figures.put("confusionMatrix", report.confusionMatrix());
        if (report.multiLabel() != null) {
            Map<String, Double> thresholds = new LinkedHashMap<>();
            report.classes().forEach(cohort -> thresholds.put(cohort, metadata.threshold(cohort)));
            figures.put("thresholds", thresholds);
            figures.put("macroF1AtHalf", report.multiLabel().macroF1AtHalf());
            figures.put("perClassConfusion", report.multiLabel().confusion());
        }
        return figures;
    }
}

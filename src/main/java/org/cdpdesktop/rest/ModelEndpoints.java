package org.cdpdesktop.rest;

import java.util.List;
import java.util.Map;

/**
 * The cohort model as the REST API sees it. Until a model service is wired in (in {@code App}), every call answers
 * 503 {@code {"error":"no model"}}. Each result is written as JSON as it is.
 */
public interface ModelEndpoints {

    /** Cohorts with confidence and the terms that explain them, for one profile or {@code {"interests":[...]}}. */
    default Object predict(Map<String, Object> profile) {
        throw noModel();
    }

    default Object bulkPredict(List<Map<String, Object>> profiles) {
        throw noModel();
    }

    /** Trains a model on the store and answers its evaluation figures. */
    default Object train() {
        throw noModel();
    }

    default Object models() {
        throw noModel();
    }

    default Object activate(String version) {
        throw noModel();
    }

    default Object evaluation(String version) {
        throw noModel();
    }

    default Object explain(String version) {
        throw noModel();
    }

    /** How many predictions have been stored, for the stats endpoints. */
    default long predictionsRun() {
        return 0;
    }

    ModelEndpoints UNAVAILABLE = new ModelEndpoints() { };

    private static RuntimeException noModel() {
        return new ApiError(503, "no model", "No cohort model is available in this version of CDP Desktop yet; the model endpoints"
                + " answer once one has been trained.");
    }
}

package org.cdpdesktop.gui.model;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.cdpdesktop.core.model.CohortModelService;
import org.cdpdesktop.core.model.Prediction;
import org.cdpdesktop.core.model.TermWeight;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The profile detail's "why this cohort": the active model's prediction for one profile, every cohort it gives (one,
 * or several for a multi-label model) and the terms behind each.
 */
public final class CohortExplanation {

    private final CohortModelService models;
    private final TaskExecutor executor;

    public CohortExplanation(CohortModelService models, TaskExecutor executor) {
        this.models = models;
        this.executor = executor;
    }

    /** A pane that fills in once the prediction for {@code profileId} is made off the FX thread. */
    public Node paneFor(long profileId) {
        VBox pane = new VBox(2);
        pane.setId("detail-prediction");
        pane.getChildren().add(new Label("Predicting…"));
        BackgroundTask.wrap(() -> models.active().isPresent() ? models.predictProfile(profileId) : null)
                .onSuccess(prediction -> show(pane, prediction))
                .onFailure(failure -> pane.getChildren().setAll(new Label("No prediction: " + ErrorDialog.describe(failure))))
                .executeWith(executor);
        return pane;
    }

    private static void show(VBox pane, Prediction prediction) {
        if (prediction == null) {
            pane.getChildren().setAll(new Label("No active model. Train one on the Model screen to predict cohorts."));
            return;
        }
        pane.getChildren().clear();
        for (Prediction.Assigned cohort : prediction.assigned()) {
            Label headline = new Label(String.format("%s · %s confident", cohort.cohort(), Format.percent(cohort.confidence())));
            headline.getStyleClass().add("detail-prediction-headline");
            if (pane.getChildren().isEmpty()) {
                headline.setId("detail-prediction-cohort");
            }
            pane.getChildren().add(headline);
            for (TermWeight reason : cohort.reasons()) {
                Label line = new Label(String.format("%s  %+.2f", reason.term(), reason.weight()));
                line.getStyleClass().add("detail-prediction-reason");
                pane.getChildren().add(line);
            }
        }
        Label model = new Label("Model " + prediction.modelId());
        model.getStyleClass().add("muted-text");
        pane.getChildren().add(model);
    }
}

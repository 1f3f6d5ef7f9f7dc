package org.cdpdesktop.gui.model;

import java.util.Optional;
import org.cdpdesktop.core.model.CohortModel;
import org.cdpdesktop.core.model.CohortModelService;
import org.cdpdesktop.core.model.DriftReport;
import org.cdpdesktop.core.model.ModelMetadata;

/**
 * The dashboard's model card text: the active model with its honest figures, and a warning when today's profiles
 * have drifted from its training data. Reads files and the store: call it off the FX thread.
 */
public final class ModelCard {

    private ModelCard() {
    }

    public static String describe(CohortModelService models) {
        Optional<CohortModel> active = models.active();
        if (active.isEmpty()) {
            return "No model yet. Train one on the Model screen to predict each customer's cohort.";
        }
        ModelMetadata model = active.get().metadata();
        String text = String.format("Active: %s, %s on %,d profiles; %s: accuracy %s, macro F1 %s. Trained %s.",
                model.id(), model.algorithm(), model.trainingRows(), model.evaluation().method(),
                Format.percent(model.evaluation().accuracy()), Format.ratio(model.evaluation().macroF1()), Format.created(model));
        DriftReport drift = models.drift();
        return drift.drifted() ? text + "\n⚠ " + Format.driftSummary(drift) : text;
    }
}

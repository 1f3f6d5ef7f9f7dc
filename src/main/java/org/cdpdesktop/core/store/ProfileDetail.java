package org.cdpdesktop.core.store;

import org.cdpdesktop.core.profile.Profile;
import java.util.List;

/** Everything known about one profile, as its detail pane shows it. */
public record ProfileDetail(Profile profile, List<CohortAssignment> cohorts, List<String> segments, List<ImportEvent> imports) {

    /** A cohort the profile belongs to; confidence and model version are set when a model predicted it. */
    public record CohortAssignment(String cohort, Double confidence, String modelVersion, String source, String assignedAt) {
    }

    /** One import batch that inserted or updated the profile. */
    public record ImportEvent(long batchId, String fileName, String source, String action, String at) {
    }
}

package org.cdpdesktop.gui.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cdpdesktop.core.model.DriftReport;
import org.cdpdesktop.core.model.ModelMetadata;

/** How the model figures read to people: percentages, two-decimal ratios, seconds, local dates. */
final class Format {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private Format() {
    }

    static String percent(double share) {
        return String.format("%.1f%%", share * 100);
    }

    static String ratio(double value) {
        return String.format("%.3f", value);
    }

    static String millis(long millis) {
        return millis < 1000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
    }

    static String created(ModelMetadata model) {
        try {
            return DATE.format(Instant.parse(model.created()).atZone(ZoneId.systemDefault()));
        } catch (RuntimeException unparsable) {
            return model.created();
        }
    }

    /** "cohort · logistic · F1 0.754 · 30 Nov 09:25". */
    static String modelName(ModelMetadata model) {
        String when;
        try {
            when = SHORT_DATE.format(Instant.parse(model.created()).atZone(ZoneId.systemDefault()));
        } catch (RuntimeException unparsable) {
            when = model.created();
        }
        return String.format("%s · %s · F1 %s · %s", model.spec().labelName(), model.algorithm(), ratio(model.evaluation().macroF1()), when);
    }

    /** "Movie & Music Lovers" as "MML", for the matrix's column headers. */
    static String initials(String name) {
        String initials = Arrays.stream(name.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT)).collect(Collectors.joining());
        return initials.isEmpty() ? name : initials;
    }

    static String driftSummary(DriftReport report) {
        String compared = String.format("Training data: %,d profiles; today: %,d profiles.", report.trainingRows(), report.currentRows());
        if (!report.drifted()) {
            return "No feature has drifted past its threshold. " + compared;
        }
        return "Drift: " + report.drifting().stream().map(DriftReport.FeatureDrift::feature).limit(3).collect(Collectors.joining(", "))
                + " moved past the threshold; consider retraining. " + compared;
    }
}

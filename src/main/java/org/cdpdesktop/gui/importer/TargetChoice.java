package org.cdpdesktop.gui.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * One entry of a column's "maps to" chooser: a profile field, a custom attribute, the cohort column, or skip.
 *
 * @param field the profile field, for {@link Kind#FIELD} only
 */
public record TargetChoice(Kind kind, ProfileField field) {

    public enum Kind { FIELD, ATTRIBUTE, COHORT, SKIP }

    public static final TargetChoice ATTRIBUTE = new TargetChoice(Kind.ATTRIBUTE, null);
    public static final TargetChoice COHORT = new TargetChoice(Kind.COHORT, null);
    public static final TargetChoice SKIP = new TargetChoice(Kind.SKIP, null);

    public static TargetChoice field(ProfileField field) {
        return new TargetChoice(Kind.FIELD, field);
    }

    /** Every choice, in the order the chooser lists them: the importable profile fields first. */
    public static List<TargetChoice> all() {
        List<TargetChoice> choices = new ArrayList<>();
        Arrays.stream(ProfileField.values()).filter(ProfileField::importable).map(TargetChoice::field).forEach(choices::add);
        choices.add(ATTRIBUTE);
        choices.add(COHORT);
        choices.add(SKIP);
        return choices;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FIELD -> field.label();
            case ATTRIBUTE -> "Custom attribute";
            case COHORT -> "Cohort (imported cohorts)";
            case SKIP -> "Skip this column";
        };
    }
}

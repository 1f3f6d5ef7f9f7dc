package org.cdpdesktop.gui.profiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.FieldRef;
import org.cdpdesktop.core.query.Group;
import org.cdpdesktop.core.query.GroupKind;
import org.cdpdesktop.core.query.Leaf;
import org.cdpdesktop.core.query.Operator;

/**
 * What the filter bar holds. Every part is optional ({@code null} means "any"); the parts combine with AND into the
 * same condition tree segments use, so the bar filters exactly as a segment rule would.
 */
public record ProfileFilter(String search, String country, String gender, Integer ageMin, Integer ageMax,
                            BigDecimal incomeMin, BigDecimal incomeMax, String cohort, String segment, String interest,
                            LocalDate signedUpFrom, LocalDate signedUpTo, String importedFrom) {

    public static final ProfileFilter NONE = new ProfileFilter(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public ProfileFilter {
        search = blankToNull(search);
        country = blankToNull(country);
        gender = blankToNull(gender);
        cohort = blankToNull(cohort);
        segment = blankToNull(segment);
        interest = blankToNull(interest);
        importedFrom = blankToNull(importedFrom);
    }

    public static ProfileFilter country(String country) {
        return NONE.withCountry(country);
    }

    public static ProfileFilter ages(Integer min, Integer max) {
        return new ProfileFilter(null, null, null, min, max, null, null, null, null, null, null, null, null);
    }

    public static ProfileFilter cohort(String cohort) {
        return new ProfileFilter(null, null, null, null, null, null, null, cohort, null, null, null, null, null);
    }

    public static ProfileFilter segment(String segment) {
        return new ProfileFilter(null, null, null, null, null, null, null, null, segment, null, null, null, null);
    }

    public static ProfileFilter interest(String interest) {
        return new ProfileFilter(null, null, null, null, null, null, null, null, null, interest, null, null, null);
    }

    /** Profiles that signed up from {@code from} to {@code to}, both days included (see {@link #signedUp}). */
    public static ProfileFilter signedUp(LocalDate from, LocalDate to) {
        return new ProfileFilter(null, null, null, null, null, null, null, null, null, null, from, to, null);
    }

    public ProfileFilter withCountry(String value) {
        return new ProfileFilter(search, value, gender, ageMin, ageMax, incomeMin, incomeMax, cohort, segment, interest,
                signedUpFrom, signedUpTo, importedFrom);
    }

    public ProfileFilter withSearch(String text) {
        return new ProfileFilter(text, country, gender, ageMin, ageMax, incomeMin, incomeMax, cohort, segment, interest,
                signedUpFrom, signedUpTo, importedFrom);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The bar's parts as one condition, or {@code null} when none is set. */
    Condition condition() {
        List<Condition> parts = new ArrayList<>();
        if (country != null) {
            parts.add(new Leaf(FieldRef.profile(ProfileField.COUNTRY), Operator.EQ, country));
        }
        if (gender != null) {
            parts.add(new Leaf(FieldRef.profile(ProfileField.GENDER), Operator.EQ, gender));
        }
        range(parts, ProfileField.AGE, ageMin == null ? null : ageMin.toString(), ageMax == null ? null : ageMax.toString());
        range(parts, ProfileField.INCOME, incomeMin == null ? null : incomeMin.toPlainString(), incomeMax == null ? null : incomeMax.toPlainString());
        if (cohort != null) {
            parts.add(new Leaf(FieldRef.cohort(), Operator.EQ, cohort));
        }
        if (segment != null) {
            parts.add(new Leaf(FieldRef.segment(), Operator.EQ, segment));
        }
        if (interest != null) {
            parts.add(new Leaf(FieldRef.interests(), Operator.CONTAINS, interest));
        }
        if (signedUpFrom != null || signedUpTo != null) {
            parts.add(signedUp());
        }
        return parts.isEmpty() ? null : Group.of(GroupKind.AND, parts);
    }

    /**
     * The sign-up range as the dashboard counts it: on the profile's own signup date, or on the day it entered the
     * store when it has none, so a bar of the sign-ups chart opens exactly the profiles it counts.
     */
    private Condition signedUp() {
        String from = signedUpFrom == null ? null : signedUpFrom.toString();
        String to = signedUpTo == null ? null : signedUpTo.toString();
        List<Condition> bySignup = new ArrayList<>();
        range(bySignup, ProfileField.SIGNUP_DATE, from, to);
        List<Condition> byArrival = new ArrayList<>(List.of(new Leaf(FieldRef.profile(ProfileField.SIGNUP_DATE), Operator.IS_EMPTY)));
        range(byArrival, ProfileField.CREATED_AT, from, to);
        return Group.of(GroupKind.OR, List.of(bySignup.get(0), Group.of(GroupKind.AND, byArrival)));
    }

    private static void range(List<Condition> parts, ProfileField field, String min, String max) {
        FieldRef ref = FieldRef.profile(field);
        if (min != null && max != null) {
            parts.add(new Leaf(ref, Operator.BETWEEN, min, max));
        } else if (min != null) {
            parts.add(new Leaf(ref, Operator.GE, min));
        } else if (max != null) {
            parts.add(new Leaf(ref, Operator.LE, max));
        }
    }

    ProfileQuery toQuery(ProfileSort sort) {
        return new ProfileQuery(condition(), search, importedFrom, sort);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

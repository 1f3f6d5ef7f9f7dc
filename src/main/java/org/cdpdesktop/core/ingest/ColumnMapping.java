package org.cdpdesktop.core.ingest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * Where each source column goes, in file order, and which column (if any) names the cohorts a row belongs to.
 *
 * @param cohortColumn nullable: the column whose values (split like interests) become imported cohorts
 */
public record ColumnMapping(LinkedHashMap<String, ColumnTarget> targets, String cohortColumn) {

    /**
     * Names real exports use for each field, after {@link #normalise} (lower case, letters and digits only),
     * in order of preference: when two columns could fill a field, the more specific name wins and the other
     * becomes a custom attribute (an old CDPapi export has both {@code id} and {@code cookie}; the cookie is the
     * customer's identity, the id only the old service's row number).
     */
    private static final Map<ProfileField, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry(ProfileField.EXTERNAL_ID, List.of("externalid", "customerid", "customernumber", "clientid", "contactid",
                    "userid", "cookie", "cookieid", "uid", "id")),
            Map.entry(ProfileField.EMAIL, List.of("email", "emailaddress", "mail", "email1", "emailid")),
            Map.entry(ProfileField.PHONE, List.of("phone", "phonenumber", "mobile", "mobilephone", "mobilenumber", "telephone",
                    "tel", "cell", "cellphone")),
            Map.entry(ProfileField.FIRST_NAME, List.of("firstname", "givenname", "forename", "fname", "first")),
            Map.entry(ProfileField.LAST_NAME, List.of("lastname", "surname", "familyname", "lname", "last")),
            Map.entry(ProfileField.AGE, List.of("age", "ageyears")),
            Map.entry(ProfileField.GENDER, List.of("gender", "sex")),
            Map.entry(ProfileField.CITY, List.of("city", "town")),
            Map.entry(ProfileField.STATE, List.of("state", "province", "region", "stateprovince")),
            Map.entry(ProfileField.COUNTRY, List.of("country", "countrycode", "countryname", "nation")),
            Map.entry(ProfileField.POSTAL_CODE, List.of("postalcode", "zip", "zipcode", "postcode", "plz")),
            Map.entry(ProfileField.INCOME, List.of("income", "annualincome", "householdincome", "salary")),
            Map.entry(ProfileField.EDUCATION, List.of("education", "educationlevel", "degree")),
            Map.entry(ProfileField.INTERESTS, List.of("interests", "interest", "hobbies")),
            Map.entry(ProfileField.BIO, List.of("bio", "about", "biography")),
            Map.entry(ProfileField.SIGNUP_DATE, List.of("signupdate", "signup", "signedup", "signupat", "createdat", "created",
                    "registered", "registrationdate", "registeredat", "joined", "joindate", "datejoined")));

    private static final List<String> COHORT_NAMES = List.of("cohort", "cohorts");
    /** Interests spread over numbered columns, e.g. {@code interests__001}, {@code interest_2}, {@code Interest 3} (after {@link #normalise}). */
    private static final Pattern NUMBERED_INTERESTS = Pattern.compile("(?:interests?|hobby|hobbies)\\d{1,3}");

    public ColumnMapping {
        Objects.requireNonNull(targets, "targets");
        targets = new LinkedHashMap<>(targets);
        if (cohortColumn != null && !targets.containsKey(cohortColumn)) {
            throw new IllegalArgumentException("The cohort column '" + cohortColumn + "' is not one of the file's columns");
        }
    }

    /**
     * The wizard's and the CLI's default mapping: each column to the field its name suggests, the cohort
     * column to cohorts, the store's own timestamps ({@code createdAt}, {@code updatedAt}, as our export writes
     * them) skipped, and every other column kept as a custom attribute under its own name.
     */
    public static ColumnMapping auto(List<String> headers) {
        Map<ProfileField, String> chosen = new HashMap<>();
        Map<ProfileField, Integer> chosenRank = new HashMap<>();
        String cohortColumn = null;
        for (String header : headers) {
            if (cohortColumn == null && COHORT_NAMES.contains(normalise(header))) {
                cohortColumn = header;
                continue;
            }
            if (isNumberedInterest(header)) {
                continue;
            }
            for (Map.Entry<ProfileField, Integer> candidate : candidates(header).entrySet()) {
                Integer best = chosenRank.get(candidate.getKey());
                if (best == null || candidate.getValue() < best) {
                    chosen.put(candidate.getKey(), header);
                    chosenRank.put(candidate.getKey(), candidate.getValue());
                }
            }
        }
        Map<String, ProfileField> byHeader = new HashMap<>();
        chosen.forEach((field, header) -> byHeader.putIfAbsent(header, field));
        LinkedHashMap<String, ColumnTarget> targets = new LinkedHashMap<>();
        for (String header : headers) {
            ProfileField field = byHeader.get(header);
            if (header.equals(cohortColumn)) {
                targets.put(header, ColumnTarget.skip());
            } else if (field != null) {
                targets.put(header, ColumnTarget.field(field));
            } else if (isNumberedInterest(header)) {
                targets.put(header, ColumnTarget.field(ProfileField.INTERESTS));
            } else if (isStoreTimestamp(header)) {
                targets.put(header, ColumnTarget.skip());
            } else {
                targets.put(header, ColumnTarget.attribute(header.isBlank() ? "column" : header));
            }
        }
        return new ColumnMapping(targets, cohortColumn);
    }

    /** The fields a header could fill, each with its rank: 0 for the field's own key or column, then synonym order. */
    private static Map<ProfileField, Integer> candidates(String header) {
        Map<ProfileField, Integer> candidates = new HashMap<>();
        ProfileField.byName(header).filter(ProfileField::importable).ifPresent(field -> candidates.put(field, 0));
        String normalised = normalise(header);
        SYNONYMS.forEach((field, names) -> {
            int index = names.indexOf(normalised);
            if (index >= 0) {
                candidates.merge(field, index + 1, Math::min);
            }
        });
        return candidates;
    }

    private static boolean isNumberedInterest(String header) {
        return NUMBERED_INTERESTS.matcher(normalise(header)).matches();
    }

    private static boolean isStoreTimestamp(String header) {
        return ProfileField.byName(header).filter(field -> !field.importable()).isPresent()
                && header.equals(ProfileField.byName(header).get().key());
    }

    /** {@code E-Mail}, {@code e_mail} and {@code EMAIL} all become {@code email}. */
    static String normalise(String header) {
        StringBuilder normalised = new StringBuilder(header.length());
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                normalised.append(c);
            }
        }
        return normalised.toString();
    }

    /** A copy with one column's target replaced; the wizard calls it as the user changes a column. */
    public ColumnMapping with(String sourceColumn, ColumnTarget target) {
        if (!targets.containsKey(sourceColumn)) {
            throw new IllegalArgumentException("No column named '" + sourceColumn + "' in this file");
        }
        LinkedHashMap<String, ColumnTarget> copy = new LinkedHashMap<>(targets);
        copy.put(sourceColumn, target);
        return new ColumnMapping(copy, cohortColumn);
    }

    public ColumnMapping withCohortColumn(String newCohortColumn) {
        return new ColumnMapping(targets, newCohortColumn);
    }

    /** The mapping for a file's headers: this mapping's target where it names the column, the default elsewhere. */
    public ColumnMapping appliedTo(List<String> headers) {
        ColumnMapping defaults = auto(headers);
        LinkedHashMap<String, ColumnTarget> applied = new LinkedHashMap<>();
        for (String header : headers) {
            applied.put(header, targets.getOrDefault(header, defaults.targets().get(header)));
        }
        String defaultCohort = defaults.cohortColumn();
        String cohort = cohortColumn != null && applied.containsKey(cohortColumn) ? cohortColumn
                : defaultCohort != null && !targets.containsKey(defaultCohort) ? defaultCohort : null;
        return new ColumnMapping(applied, cohort);
    }

    /** The column mapped to {@code field}, if any. */
    public String columnFor(ProfileField field) {
        return targets.entrySet().stream()
                .filter(entry -> entry.getValue().kind() == TargetKind.FIELD && entry.getValue().field() == field)
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /**
     * Refuses, before anything is written, a mapping that would lose data or store nothing: a field or attribute
     * filled from two columns (one of them would be silently lost; interests are the exception, as a list: several
     * columns mapped to them are united), or every column skipped (each row would become an empty profile with a
     * generated id). Every door imports through this check.
     */
    public void validate() {
        if (!targets.isEmpty() && cohortColumn == null && targets.values().stream().allMatch(target -> target.kind() == TargetKind.SKIP)) {
            throw new IllegalArgumentException("Every column is skipped, so nothing would be imported");
        }
        Map<ProfileField, String> seen = new HashMap<>();
        Map<String, String> attributes = new HashMap<>();
        targets.forEach((column, target) -> {
            if (target.kind() == TargetKind.ATTRIBUTE) {
                String other = attributes.putIfAbsent(target.attributeName(), column);
                if (other != null) {
                    throw new IllegalArgumentException("Columns '" + other + "' and '" + column + "' are both kept as the attribute '"
                            + target.attributeName() + "'; give one of them another name");
                }
            }
            if (target.kind() == TargetKind.FIELD && target.field() != ProfileField.INTERESTS) {
                String other = seen.putIfAbsent(target.field(), column);
                if (other != null) {
                    throw new IllegalArgumentException("Columns '" + other + "' and '" + column + "' are both mapped to "
                            + target.field().label() + "; map one of them to a custom attribute or skip it");
                }
            }
        });
    }
}

package org.cdpdesktop.core.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.clean.FieldResult;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * A rule's values read the way an import reads the stored ones, through the import's own {@link FieldCleaner}: a file
 * said {@code USA}, the store holds {@code United States}, and {@code country = "USA"} must find it. Every door (rule
 * text, builder, CLI, profile filters) reaches the store through {@link ConditionSql}, which asks here.
 */
final class RuleLiterals {

    private static final FieldCleaner CLEANER = new FieldCleaner();
    private static final Pattern ISO_DATE_OR_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

    private RuleLiterals() {
    }

    /**
     * The values an equality-like test ({@code =}, {@code !=}, {@code in}, {@code not in}) on a profile text field
     * compares with: each value as given and, when the import would store it differently, its cleaned form too, so
     * values stored before cleaning existed (or by a door that kept them as given) still match. Other operators and
     * fields get their values unchanged: {@code contains "US"} is a substring test, not a country.
     */
    static List<String> textValues(FieldRef field, Operator operator, List<String> values) {
        if (field.kind() != FieldKind.PROFILE || !isEqualityLike(operator)) {
            return values;
        }
        Set<String> compared = new LinkedHashSet<>();
        for (String value : values) {
            compared.add(value);
            FieldResult cleaned = CLEANER.clean(field.profileField(), value, null);
            if (cleaned.value() instanceof String text && !text.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                compared.add(text);
            }
        }
        return new ArrayList<>(compared);
    }

    private static boolean isEqualityLike(Operator operator) {
        return operator == Operator.EQ || operator == Operator.NE || operator == Operator.IN || operator == Operator.NOT_IN;
    }

    /**
     * A date value as ISO-8601, read in any format the import reads ({@code 3/5/2024}, {@code 5 March 2024}); empty
     * when it is no date. An ISO value is kept exactly as written, so a timestamp keeps its precision.
     */
    static Optional<String> isoDate(String value) {
        if (ISO_DATE_OR_TIME.matcher(value).matches()) {
            return Optional.of(value);
        }
        FieldResult cleaned = CLEANER.clean(ProfileField.SIGNUP_DATE, value, null);
        return cleaned.value() instanceof String date ? Optional.of(date) : Optional.empty();
    }
}

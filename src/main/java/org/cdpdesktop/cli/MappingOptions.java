package org.cdpdesktop.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.ColumnTarget;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * Reads {@code --map SOURCE=TARGET} options. TARGET is a profile field's key or column ({@code email},
 * {@code postal_code}), {@code skip}, {@code attribute} (keep under the column's name), {@code attribute:NAME},
 * or {@code cohort} (the column's values become cohorts). A date field takes a format after a second colon-free
 * {@code @}: {@code signup=signupDate@dd/MM/yyyy}.
 */
final class MappingOptions {

    private MappingOptions() {
    }

    /** {@code base} with each {@code --map} applied; every SOURCE must be one of {@code headers} when headers are given. */
    static ColumnMapping apply(ColumnMapping base, List<String> maps, List<String> headers) {
        ColumnMapping mapping = base;
        for (String map : maps) {
            int equals = map.indexOf('=');
            if (equals <= 0 || equals == map.length() - 1) {
                throw new IllegalArgumentException("--map takes SOURCE=FIELD, not '" + map + "'");
            }
            String source = map.substring(0, equals).strip();
            String target = map.substring(equals + 1).strip();
            if (headers != null && !headers.contains(source)) {
                throw new IllegalArgumentException("--map " + map + ": the file has no column '" + source + "'; its columns are "
                        + String.join(", ", headers));
            }
            if (target.equalsIgnoreCase("cohort") || target.equalsIgnoreCase("cohorts")) {
                mapping = put(mapping, source, ColumnTarget.skip()).withCohortColumn(source);
            } else {
                ColumnMapping withTarget = put(mapping, source, target(source, target));
                mapping = source.equals(withTarget.cohortColumn()) ? withTarget.withCohortColumn(null) : withTarget;
            }
        }
        return mapping;
    }

    private static ColumnMapping put(ColumnMapping mapping, String source, ColumnTarget target) {
        LinkedHashMap<String, ColumnTarget> targets = new LinkedHashMap<>(mapping.targets());
        targets.put(source, target);
        return new ColumnMapping(targets, mapping.cohortColumn());
    }

    private static ColumnTarget target(String source, String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.equals("skip")) {
            return ColumnTarget.skip();
        }
        if (lower.equals("attribute")) {
            return ColumnTarget.attribute(source);
        }
        if (lower.startsWith("attribute:")) {
            return ColumnTarget.attribute(target.substring("attribute:".length()));
        }
        int at = target.indexOf('@');
        String fieldName = at > 0 ? target.substring(0, at) : target;
        ProfileField field = ProfileField.byName(fieldName).filter(ProfileField::importable)
                .orElseThrow(() -> new IllegalArgumentException("--map " + source + "=" + target + ": '" + fieldName
                        + "' is not a profile field; use a field key (email, postalCode, ...), skip, attribute, attribute:NAME or cohort"));
        ColumnTarget column = ColumnTarget.field(field);
        return at > 0 ? column.withFormat(target.substring(at + 1)) : column;
    }
}

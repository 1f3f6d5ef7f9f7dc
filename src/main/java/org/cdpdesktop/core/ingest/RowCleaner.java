package org.cdpdesktop.core.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.clean.FieldResult;
import org.cdpdesktop.core.profile.JsonColumns;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * Turns a source row into a {@link CleanRow} through the mapping and the {@link FieldCleaner}, or rejects it with a
 * reason. Counts, per column, the values stored in another form than written and those kept aside as {@code invalid_*},
 * of the rows that are kept. Used by the import's reader thread only; the writer reads the counts after the last chunk,
 * which the queue hands over with everything before it.
 */
final class RowCleaner {

    static final String INCOME_RANGE = "income_range";
    static final String INVALID_PREFIX = "invalid_";
    private static final int EXT = ProfileField.EXTERNAL_ID.ordinal();
    private static final int EMAIL = ProfileField.EMAIL.ordinal();

    private final FieldCleaner cleaner;
    private final ColumnMapping mapping;
    private final List<String> headers;
    private final ColumnTarget[] targets;
    private final boolean hasIdentityColumns;
    private int cohortIndex = -1;
    private volatile long rejected;
    private final long[] normalisedValues;
    private final long[] invalidValues;
    /** The columns of the row being cleaned whose value was normalised or invalid, counted only if the row is stored. */
    private final int[] rowNormalised;
    private final int[] rowInvalid;
    private int rowNormalisedCount;
    private int rowInvalidCount;

    /** {@code mapping} is already applied to {@code headers} and validated. */
    RowCleaner(FieldCleaner cleaner, ColumnMapping mapping, List<String> headers) {
        this.cleaner = cleaner;
        this.mapping = mapping;
        this.headers = headers;
        targets = new ColumnTarget[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            targets[i] = mapping.targets().get(headers.get(i));
            if (headers.get(i).equals(mapping.cohortColumn())) {
                cohortIndex = i;
            }
        }
        hasIdentityColumns = mapping.columnFor(ProfileField.EXTERNAL_ID) != null || mapping.columnFor(ProfileField.EMAIL) != null;
        normalisedValues = new long[headers.size()];
        invalidValues = new long[headers.size()];
        rowNormalised = new int[headers.size()];
        rowInvalid = new int[headers.size()];
    }

    /** Rows rejected so far, whether by the source (unreadable) or by cleaning. */
    long rejected() {
        return rejected;
    }

    /** Per mapped profile-field column, how many values were normalised and how many kept aside as invalid. */
    List<ColumnCleaning> report() {
        List<ColumnCleaning> report = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (targets[i].kind() == TargetKind.FIELD && i != cohortIndex) {
                report.add(new ColumnCleaning(headers.get(i), targets[i].field(), normalisedValues[i], invalidValues[i]));
            }
        }
        return report;
    }

    /** The cleaned row, or {@code null} once the row has been handed to the source's rejects with its reason. */
    CleanRow clean(RecordSource source, RecordSource.Row row) throws IOException {
        if (row.problem() != null) {
            return reject(source, row, row.problem());
        }
        String[] raw = row.values();
        Object[] values = new Object[Draft.FIELD_COUNT];
        List<String> interests = List.of();
        Map<String, String> attributes = null;
        List<String> cohorts = List.of();
        boolean anyValue = false;
        rowNormalisedCount = 0;
        rowInvalidCount = 0;
        for (int i = 0; i < raw.length; i++) {
            String value = raw[i];
            if (value.isBlank()) {
                continue;
            }
            anyValue = true;
            ColumnTarget target = targets[i];
            if (i == cohortIndex) {
                cohorts = cohorts(value);
                continue;
            }
            switch (target.kind()) {
                case SKIP -> { }
                case ATTRIBUTE -> {
                    attributes = attributes == null ? new TreeMap<>() : attributes;
                    attributes.put(target.attributeName(), value.strip());
                }
                case FIELD -> {
                    ProfileField field = target.field();
                    FieldResult result = cleaner.clean(field, value, target.format());
                    if (!result.ok()) {
                        return reject(source, row, "column '" + headers.get(i) + "': " + result.problem());
                    }
                    if (result.isUnusual()) {
                        rowInvalid[rowInvalidCount++] = i;
                        attributes = attributes == null ? new TreeMap<>() : attributes;
                        attributes.put(INVALID_PREFIX + field.column(), value.strip());
                    } else if (field == ProfileField.INTERESTS) {
                        countNormalised(i, result.value(), value);
                        @SuppressWarnings("unchecked")
                        List<String> list = (List<String>) result.value();
                        interests = interests.isEmpty() ? list : union(interests, list);
                    } else {
                        countNormalised(i, result.value(), value);
                        values[field.ordinal()] = result.value();
                        if (field == ProfileField.INCOME && FieldCleaner.isRange(value)) {
                            attributes = attributes == null ? new TreeMap<>() : attributes;
                            attributes.put(INCOME_RANGE, value.strip());
                        }
                    }
                }
            }
        }
        if (!anyValue) {
            return reject(source, row, "the row has no values");
        }
        if (values[EXT] == null && values[EMAIL] == null && hasIdentityColumns) {
            return reject(source, row, "no identity: " + missingIdentity(attributes));
        }
        if (interests.isEmpty() && isEmpty(values)) {
            return reject(source, row, "nothing to store: no external id, email or profile field has a usable value"
                    + (attributes == null ? "" : " (only the custom attributes " + String.join(", ", attributes.keySet()) + ")"));
        }
        for (int k = 0; k < rowNormalisedCount; k++) {
            normalisedValues[rowNormalised[k]]++;
        }
        for (int k = 0; k < rowInvalidCount; k++) {
            invalidValues[rowInvalid[k]]++;
        }
        return new CleanRow(row.line(), values, interests, attributes == null ? Map.of() : attributes, cohorts,
                interests.isEmpty() ? null : JsonColumns.listToJson(interests), attributes == null ? null : JsonColumns.mapToJson(attributes));
    }

    private CleanRow reject(RecordSource source, RecordSource.Row row, String reason) throws IOException {
        rejected++;
        source.reject(row, reason);
        return null;
    }

    private void countNormalised(int column, Object cleaned, String raw) {
        if (cleaned != null && normalised(cleaned, raw)) {
            rowNormalised[rowNormalisedCount++] = column;
        }
    }

    /** Whether a cleaned value is stored in another form than it was written, stray spaces included. */
    private static boolean normalised(Object cleaned, String raw) {
        if (cleaned instanceof String text) {
            return !text.equals(raw);
        }
        if (cleaned instanceof Integer number) {
            return !number.toString().equals(raw);
        }
        if (cleaned instanceof Double number) {
            try {
                return !raw.equals(raw.strip()) || Double.parseDouble(raw) != number;
            } catch (NumberFormatException notPlain) {
                return true;
            }
        }
        if (cleaned instanceof List<?> list) {
            return !String.join("|", list.stream().map(String::valueOf).toList()).equals(raw);
        }
        return false;
    }

    /** Interests from several columns ({@code interest_1}, {@code interest_2}...) are one list. */
    private static List<String> union(List<String> first, List<String> second) {
        LinkedHashSet<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static boolean isEmpty(Object[] values) {
        for (Object value : values) {
            if (value != null) {
                return false;
            }
        }
        return true;
    }

    private String missingIdentity(Map<String, String> attributes) {
        String invalidEmail = attributes == null ? null : attributes.get(INVALID_PREFIX + ProfileField.EMAIL.column());
        String email = invalidEmail != null ? "the email '" + invalidEmail + "' is not valid" : "the email is blank";
        return mapping.columnFor(ProfileField.EXTERNAL_ID) == null ? email
                : mapping.columnFor(ProfileField.EMAIL) == null ? "the external id is blank"
                : "the external id is blank and " + email;
    }

    /** Cohort names keep their case (they are names, not tags); split and de-duplicated like interests. */
    private static List<String> cohorts(String raw) {
        Set<String> names = new LinkedHashSet<>();
        for (String lower : FieldCleaner.list(raw)) {
            int at = raw.toLowerCase(Locale.ROOT).indexOf(lower);
            names.add(at >= 0 ? raw.substring(at, at + lower.length()) : lower);
        }
        return List.copyOf(names);
    }
}

package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

/** Cleaning is pure: rows from memory, no store. */
class RowCleanerTest {

    private final List<String> rejects = new ArrayList<>();

    /** Cleans every record of a batch in order; a rejected row is {@code null}. */
    private List<CleanRow> clean(RowCleaner cleaner, RecordBatch batch) throws Exception {
        List<CleanRow> rows = new ArrayList<>();
        try (RecordSource source = batch.opener().open((line, reason, raw) -> rejects.add(line + ": " + reason))) {
            RecordSource.Row row;
            while ((row = source.next()) != null) {
                rows.add(cleaner.clean(source, row));
            }
        }
        return rows;
    }

    private static Map<String, String> record(String... keysAndValues) {
        Map<String, String> record = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            record.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return record;
    }

    private static RowCleaner cleanerFor(RecordBatch batch) {
        ColumnMapping mapping = ColumnMapping.auto(batch.headers()).appliedTo(batch.headers());
        return new RowCleaner(new FieldCleaner(), mapping, batch.headers());
    }

    @Test
    void cleansMappedFieldsKeepsUnknownColumnsAsAttributesAndTextAsText() throws Exception {
        RecordBatch batch = RecordBatch.of("t", "rest", List.of(
                record("cookie", "c-1", "email", "Ann@Example.COM", "zip", "07302", "loyalty_tier", " gold ")));

        CleanRow row = clean(cleanerFor(batch), batch).get(0);

        assertThat(row.externalId()).isEqualTo("c-1");
        assertThat(row.email()).isEqualTo("ann@example.com");
        assertThat(row.values()[ProfileField.POSTAL_CODE.ordinal()]).isEqualTo("07302");
        assertThat(row.attributes()).containsEntry("loyalty_tier", "gold");
        assertThat(row.attributesJson()).contains("loyalty_tier");
    }

    @Test
    void countsNormalisedAndInvalidValuesPerColumnOnlyForKeptRows() throws Exception {
        RecordBatch batch = RecordBatch.of("t", "rest", List.of(
                record("cookie", "c-1", "email", "Ann@Example.COM", "age", "abc"),
                record("cookie", "c-2", "email", "bob@example.com", "age", "40"),
                record("cookie", "", "email", "Not-An-Email", "age", "x")));
        RowCleaner cleaner = cleanerFor(batch);

        List<CleanRow> rows = clean(cleaner, batch);

        assertThat(rows.get(0).attributes()).containsEntry("invalid_age", "abc");
        assertThat(rows.get(2)).as("no identity").isNull();
        assertThat(cleaner.report()).extracting(ColumnCleaning::column, ColumnCleaning::normalised, ColumnCleaning::invalid)
                .contains(tuple("email", 1L, 0L), tuple("age", 0L, 1L));
    }

    @Test
    void rejectsARowWithoutIdentityAndSaysWhichKeyIsMissing() throws Exception {
        RecordBatch batch = RecordBatch.of("t", "rest", List.of(
                record("cookie", "", "email", "not-an-email", "city", "Oslo"),
                record("cookie", "", "email", "", "city", "")));
        RowCleaner cleaner = cleanerFor(batch);

        List<CleanRow> rows = clean(cleaner, batch);

        assertThat(rows).containsOnlyNulls();
        assertThat(cleaner.rejected()).isEqualTo(2);
        assertThat(rejects.get(0)).contains("no identity: the external id is blank and the email 'not-an-email' is not valid");
        assertThat(rejects.get(1)).contains("the row has no values");
    }

    @Test
    void cohortNamesKeepTheirCaseAndInterestsAreOneList() throws Exception {
        RecordBatch batch = RecordBatch.of("t", "rest", List.of(record("cookie", "c-1", "interests", "Tech|travel")));

        CleanRow row = clean(cleanerFor(batch), batch).get(0);

        assertThat(row.interests()).containsExactly("tech", "travel");
        assertThat(row.interestsJson()).isEqualTo("[\"tech\",\"travel\"]");
    }
}

package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What real uploads carry: interests written every which way, and records that carry nothing worth a profile. */
class RecordContentTest {

    @TempDir
    Path folder;

    @Test
    void interestsWrittenAsEscapedListsOrOverNumberedColumnsBecomeTheProfilesInterests() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            // c-2's cell holds the list as a CSV writer escaped it twice: "[""tech"", ""gaming""]", quotes and all.
            Path file = fixture.csv("interests.csv", String.join("\n",
                    "cookie,interests,interests__001,interest_2,Interest 3",
                    "c-1,\"[\"\"tech\"\", \"\"gaming\"\"]\",,,",
                    "c-2,\"\"\"[\"\"\"\"tech\"\"\"\", \"\"\"\"gaming\"\"\"\"]\"\"\",,,",
                    "c-3,\"['Travel', 'food']\",Music,travel,",
                    "c-4,,sports,,Chess", ""));

            ImportSummary summary = fixture.importFile(file);

            assertThat(summary.inserted()).isEqualTo(4);
            assertThat(fixture.profile("c-1").getInterests()).containsExactly("tech", "gaming");
            assertThat(fixture.profile("c-2").getInterests()).containsExactly("tech", "gaming");
            assertThat(fixture.profile("c-3").getInterests()).containsExactly("travel", "food", "music");
            assertThat(fixture.profile("c-4").getInterests()).containsExactly("sports", "chess");
            assertThat(fixture.profile("c-4").getAttributes()).isEmpty();
        }
    }

    @Test
    void aRecordWithNoIdentityAndNoFieldIsRejectedWhateverTheFormat() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path csv = fixture.csv("notes.csv", """
                    city,note
                    Austin,first
                    ,only a note
                    """);
            Path json = fixture.csv("notes.jsonl", """
                    {"city": "Oslo"}
                    {"note": "only a note", "age": "old"}
                    """);

            ImportSummary fromCsv = fixture.importFile(csv);
            ImportSummary fromJson = fixture.run(json, new ImportOptions(null, ColumnMapping.auto(
                    ImportFiles.preview(json, null, null, 0, 0).headers()), DuplicatePolicy.NEWEST, false, null), new java.util.concurrent.atomic.AtomicBoolean());

            assertThat(fromCsv.inserted()).isEqualTo(1);
            assertThat(fromCsv.rejected()).isEqualTo(1);
            assertThat(Files.readString(Path.of(fromCsv.rejectsFile())))
                    .contains("3,\"nothing to store: no external id, email or profile field has a usable value (only the custom attributes note)\"");
            assertThat(fromJson.inserted()).isEqualTo(1);
            assertThat(fromJson.rejected()).isEqualTo(1);
            assertThat(Files.readString(Path.of(fromJson.rejectsFile()))).contains("(only the custom attributes invalid_age, note)");
            assertThat(fixture.profiles.count()).isEqualTo(2);
        }
    }
}

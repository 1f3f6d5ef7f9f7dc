package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel workbooks go through the same pipeline as CSV, their typed cells arriving as the cleaner expects. */
class WorkbookImportTest {

    @TempDir
    Path folder;

    private static ImportOptions options(Path file, String sheet) throws Exception {
        FilePreview preview = ImportFiles.preview(file, null, sheet, 0, 0);
        return new ImportOptions(null, ColumnMapping.auto(preview.headers()), DuplicatePolicy.NEWEST, false, null, sheet, 0);
    }

    @Test
    void anXlsxImportsItsFirstNonEmptySheetWithTypedCellsAsText() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = TestWorkbooks.customers(folder.resolve("customers.xlsx"));

            ImportSummary summary = fixture.run(file, options(file, null), new AtomicBoolean());

            assertThat(summary.read()).as("the empty row is no record").isEqualTo(2);
            assertThat(summary.inserted()).isEqualTo(2);
            Profile ann = fixture.profile("c-1");
            assertThat(ann.getEmail()).isEqualTo("ann@example.com");
            assertThat(ann.getPostalCode()).isEqualTo("07302");
            assertThat(ann.getIncome()).isEqualTo(125000.0);
            assertThat(ann.getSignupDate()).isEqualTo("2024-03-05");
            assertThat(ann.getAttributes())
                    .containsEntry("score", "0.3")
                    .containsEntry("last_seen", "2024-03-05T14:30:00")
                    .containsEntry("bonus_income", "250000");
            assertThat(fixture.profile("c-2").getIncome()).isEqualTo(125000.0);
            assertThat(fixture.profile("c-2").getAttributes()).containsEntry("score", "true").containsEntry("last_seen", "yesterday");
            assertThat(fixture.count("SELECT count(*) FROM import_batch WHERE source = 'xlsx' AND status = 'completed'")).isEqualTo(1);
        }
    }

    @Test
    void thePreviewListsTheSheetsAndShowsNumbersWithoutFloatArtefacts() throws Exception {
        Path file = TestWorkbooks.customers(folder.resolve("customers.xlsx"));

        FilePreview preview = ImportFiles.preview(file, null, null, 0, 10);

        assertThat(preview.format()).isEqualTo(FileFormat.XLSX);
        assertThat(preview.describe()).isEqualTo("Detected: Excel workbook (.xlsx), sheet 'Customers'");
        assertThat(preview.sheets()).containsExactly(new ImportFiles.SheetInfo("Empty", true), new ImportFiles.SheetInfo("Customers", false));
        assertThat(preview.headers()).containsExactly("cookie", "email", "zip", "income", "score", "signup_date", "last_seen", "bonus_income");
        assertThat(preview.rows()).hasSize(2);
        assertThat(preview.rows().get(0)).containsExactly("c-1", "Ann@Example.com", "07302", "125000", "0.3", "2024-03-05",
                "2024-03-05T14:30:00", "250000");
        assertThat(preview.rows().get(1).get(3)).isEqualTo("125000");
    }

    @Test
    void aSheetIsChosenByNameOrNumberAndAnUnknownOneIsRefusedWithTheSheetNames() throws Exception {
        Path file = TestWorkbooks.customers(folder.resolve("customers.xlsx"));

        assertThat(ImportFiles.preview(file, null, "customers", 0, 1).sheet()).isEqualTo("Customers");
        assertThat(ImportFiles.preview(file, null, "1", 0, 1).problems()).containsExactly("The sheet 'Empty' is empty");
        assertThat(ImportFiles.preview(file, null, "Orders", 0, 1).problems()).singleElement().asString()
                .contains("has no sheet 'Orders'").contains("Empty, Customers");
        try (ImportFixture fixture = new ImportFixture(folder)) {
            assertThatThrownBy(() -> fixture.run(file, options(file, null).withSheet("Orders", 0), new AtomicBoolean()))
                    .isInstanceOf(ImportException.class).hasMessageContaining("has no sheet 'Orders'");
            assertThat(fixture.profiles.count()).isZero();
        }
    }

    @Test
    void aChosenHeaderRowSkipsTheRowsAboveIt() throws Exception {
        Path file = TestWorkbooks.customers(folder.resolve("customers.xlsx"));

        FilePreview preview = ImportFiles.preview(file, null, null, 3, 10);

        assertThat(preview.problems()).singleElement().asString().contains("row 3 of sheet 'Customers' is empty");
        FilePreview fromTheFirstCustomer = ImportFiles.preview(file, null, null, 4, 10);
        assertThat(fromTheFirstCustomer.headers()).startsWith("c-2", "bob@example.com");
        assertThat(fromTheFirstCustomer.rows()).isEmpty();
    }

    @Test
    void aWorkbookSavedUnderAnotherNameIsStillReadAsAWorkbook() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = TestWorkbooks.customers(folder.resolve("customers.xlsx"));
            Path renamed = Files.copy(file, folder.resolve("customers.csv"));

            ImportSummary summary = fixture.run(renamed, options(renamed, null), new AtomicBoolean());

            assertThat(summary.inserted()).isEqualTo(2);
            assertThat(fixture.profile("c-1").getPostalCode()).isEqualTo("07302");
        }
    }

    @Test
    void aLegacyXlsImportsLikeAnXlsx() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = TestWorkbooks.legacyCustomers(folder.resolve("customers.xls"));

            ImportSummary summary = fixture.run(file, options(file, null), new AtomicBoolean());

            assertThat(summary.inserted()).isEqualTo(1);
            Profile ann = fixture.profile("c-1");
            assertThat(ann.getPostalCode()).isEqualTo("07302");
            assertThat(ann.getIncome()).isEqualTo(125000.0);
            assertThat(ann.getSignupDate()).isEqualTo("2024-03-05");
            assertThat(ann.getAttributes()).containsEntry("bonus_income", "250000");
            assertThat(fixture.count("SELECT count(*) FROM import_batch WHERE source = 'xls'")).isEqualTo(1);
        }
    }
}

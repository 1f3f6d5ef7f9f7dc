package org.cdpdesktop.gui.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdpdesktop.gui.FxWait.act;
import static org.cdpdesktop.gui.FxWait.onFx;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cdpdesktop.App;
import org.cdpdesktop.gui.FxUiServices;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.ColumnTarget;
import org.cdpdesktop.core.ingest.FileFormat;
import org.cdpdesktop.core.ingest.ImportFiles;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.ingest.TargetKind;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.gui.importer.ImportWizardViewModel.Step;
import org.cdpdesktop.gui.task.JobsViewModel;
import org.cdpdesktop.gui.task.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The wizard's logic without its window. Background tasks run at once and each step waits for their outcome,
 * so the tests are deterministic; the view-model's state is read after the FX thread has settled.
 */
class ImportWizardViewModelTest {

    /** Runs each background task right away on the calling thread; its outcome reaches the view-model as a later FX event. */
    private static final TaskExecutor AT_ONCE = Runnable::run;

    @TempDir
    Path temp;

    private App app;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openApp() {
        app = App.open(temp.resolve("data"));
    }

    @AfterEach
    void closeApp() {
        app.close();
    }

    @Test
    void detectsTheFormatAndPreviewsTheFirstRows() throws Exception {
        Path file = write("semicolons.csv", "cookie;e-mail;zip\nck1;A@x.org;07302\nck2;b@x.org;10115\n");

        ImportWizardViewModel wizard = started(file);

        assertThat(wizard.format().delimiterProperty().get()).isEqualTo(';');
        assertThat(wizard.format().headerProperty().get()).isTrue();
        assertThat(wizard.format().detectedProperty().get()).startsWith("Detected: CSV (UTF-8").contains("semicolon-separated");
        assertThat(wizard.format().previewHeaders()).containsExactly("cookie", "e-mail", "zip");
        assertThat(wizard.format().previewRows()).containsExactly(List.of("ck1", "A@x.org", "07302"), List.of("ck2", "b@x.org", "10115"));
        assertThat(wizard.canGoNext().get()).isTrue();
    }

    @Test
    void mapsKnownColumnsAndSynonymsToFieldsAndKeepsUnknownColumnsAsAttributesUnderTheirName() throws Exception {
        ImportWizardViewModel wizard = started(write("c.csv", "cookie,e-mail,zip,loyalty tier\nck1,a@x.org,07302,gold\n"));

        assertThat(wizard.columns().mapping().targets()).containsExactly(
                entry("cookie", ColumnTarget.field(ProfileField.EXTERNAL_ID)),
                entry("e-mail", ColumnTarget.field(ProfileField.EMAIL)),
                entry("zip", ColumnTarget.field(ProfileField.POSTAL_CODE)),
                entry("loyalty tier", ColumnTarget.attribute("loyalty tier")));
        assertThat(wizard.columns().mappingRows()).extracting(MappingRow::sample).containsExactly("ck1", "a@x.org", "07302", "gold");
    }

    @Test
    void changingTheDelimiterRefreshesThePreviewAndRemapsTheNewColumns() throws Exception {
        ImportWizardViewModel wizard = started(write("c.csv", "email;tier\na@x.org;gold\n"));

        act(() -> wizard.format().delimiterProperty().set(','));
        assertThat(wizard.format().previewHeaders()).containsExactly("email;tier");
        assertThat(wizard.columns().mappingRows()).extracting(MappingRow::column).containsExactly("email;tier");

        act(() -> wizard.format().delimiterProperty().set(';'));
        assertThat(wizard.format().previewHeaders()).containsExactly("email", "tier");
        assertThat(wizard.columns().mapping().targets()).containsEntry("email", ColumnTarget.field(ProfileField.EMAIL));
    }

    @Test
    void aColumnTheUserMappedKeepsItsChoiceWhenThePreviewIsReadAgain() throws Exception {
        ImportWizardViewModel wizard = started(write("c.csv", "ref,tier\nR1,gold\n"));

        act(() -> wizard.columns().mappingRows().get(0).targetProperty().set(TargetChoice.field(ProfileField.EXTERNAL_ID)));
        act(() -> wizard.format().quoteProperty().set('\''));

        assertThat(wizard.format().dialect().quote()).isEqualTo('\'');
        assertThat(wizard.columns().mappingRows().get(0).targetProperty().get()).isEqualTo(TargetChoice.field(ProfileField.EXTERNAL_ID));
    }

    @Test
    void twoColumnsOnOneProfileFieldBlockTheNextStepWithTheImportsOwnReason() throws Exception {
        ImportWizardViewModel wizard = started(write("c.csv", "email,mail\na@x.org,b@x.org\n"));
        act(wizard::next);
        assertThat(wizard.stepProperty().get()).isEqualTo(Step.MAPPING);

        act(() -> wizard.columns().mappingRows().get(1).targetProperty().set(TargetChoice.field(ProfileField.EMAIL)));
        assertThat(wizard.columns().mappingProblemProperty().get())
                .isEqualTo("Columns 'email' and 'mail' are both mapped to Email; map one of them to a custom attribute or skip it.");
        assertThat(wizard.canGoNext().get()).isFalse();
        act(wizard::next);
        assertThat(wizard.stepProperty().get()).isEqualTo(Step.MAPPING);

        act(() -> wizard.columns().mappingRows().get(1).targetProperty().set(TargetChoice.SKIP));
        assertThat(wizard.canGoNext().get()).isTrue();
    }

    @Test
    void skippingEveryColumnIsAProblemAndAFileWithoutIdOrEmailGetsANote() throws Exception {
        ImportWizardViewModel wizard = started(write("c.csv", "city,age\nParis,40\n"));
        assertThat(wizard.columns().mappingNoteProperty().get()).contains("generated id");

        act(() -> wizard.columns().mappingRows().forEach(row -> row.targetProperty().set(TargetChoice.SKIP)));

        assertThat(wizard.columns().mappingProblemProperty().get()).isEqualTo("Every column is skipped, so nothing would be imported.");
    }

    @Test
    void theMappingCarriesDateFormatsRenamedAttributesAndTheCohortColumn() throws Exception {
        ImportWizardViewModel wizard = started(write("c.csv", "email,joined,tier,segment\na@x.org,31/12/2024,gold,vip\n"));

        act(() -> {
            wizard.columns().mappingRows().get(1).targetProperty().set(TargetChoice.field(ProfileField.SIGNUP_DATE));
            wizard.columns().mappingRows().get(1).formatProperty().set("dd/MM/yyyy");
            wizard.columns().mappingRows().get(2).attributeNameProperty().set("loyalty");
            wizard.columns().mappingRows().get(3).targetProperty().set(TargetChoice.COHORT);
        });
        ColumnMapping mapping = wizard.columns().mapping();

        assertThat(mapping.targets().get("joined")).isEqualTo(new ColumnTarget(TargetKind.FIELD, ProfileField.SIGNUP_DATE, null, "dd/MM/yyyy"));
        assertThat(mapping.targets().get("tier")).isEqualTo(ColumnTarget.attribute("loyalty"));
        assertThat(mapping.targets().get("segment")).isEqualTo(ColumnTarget.skip());
        assertThat(mapping.cohortColumn()).isEqualTo("segment");
    }

    @Test
    void aSavedPresetAppliesToAnotherFileWithTheSameColumns() throws Exception {
        ImportWizardViewModel first = started(write("first.csv", "ref,tier\nR1,gold\n"));
        act(() -> {
            first.columns().mappingRows().get(0).targetProperty().set(TargetChoice.field(ProfileField.EXTERNAL_ID));
            first.columns().mappingRows().get(1).targetProperty().set(TargetChoice.SKIP);
            first.columns().savePreset("  loyalty export ");
        });
        assertThat(first.columns().presetMessageProperty().get()).isEqualTo("Saved the mapping as preset “loyalty export”.");
        assertThat(first.columns().presetNames()).contains("loyalty export");

        ImportWizardViewModel second = started(write("second.csv", "ref,tier,extra\nR2,silver,x\n"));
        assertThat(second.columns().presetNames()).contains("loyalty export");
        act(() -> second.columns().loadPreset("loyalty export"));
        assertThat(second.columns().mappingRows()).extracting(row -> row.targetProperty().get())
                .containsExactly(TargetChoice.field(ProfileField.EXTERNAL_ID), TargetChoice.SKIP, TargetChoice.ATTRIBUTE);
        assertThat(second.columns().presetMessageProperty().get()).isEqualTo("Preset “loyalty export” applied to 2 of 3 columns.");

        act(() -> second.columns().loadPreset("no such preset"));
        assertThat(second.columns().presetMessageProperty().get()).startsWith("Cannot load the preset: No preset named");
    }

    @Test
    void anEmptyFileCannotGoPastTheFirstStepAndSaysWhy() throws Exception {
        ImportWizardViewModel wizard = started(write("empty.csv", ""));

        assertThat(wizard.format().previewLoadingProperty().get()).isFalse();
        assertThat(wizard.format().previewErrorProperty().get()).isNotEmpty();
        assertThat(wizard.canGoNext().get()).isFalse();
    }

    @Test
    void aWorkbookOpensOnItsFirstNonEmptySheetAndImportsTheChosenSheetFromTheChosenHeaderRowWithTypedCellsAsText() throws Exception {
        Path file = WizardWorkbooks.leadsAndCustomers(temp.resolve("export.xlsx"));

        ImportWizardViewModel wizard = started(file);

        assertThat(wizard.format().fileFormatProperty().get()).isEqualTo(FileFormat.XLSX);
        assertThat(wizard.format().detectedProperty().get()).isEqualTo("Detected: Excel workbook (.xlsx), sheet 'Leads'");
        assertThat(wizard.format().sheets()).extracting(ImportFiles.SheetInfo::name).containsExactly("Leads", "Customers");
        assertThat(wizard.format().sheetProperty().get()).isEqualTo("Leads");
        assertThat(wizard.format().previewHeaders()).containsExactly("email");
        assertThat(wizard.format().dialect()).as("a workbook has no CSV dialect").isNull();

        act(() -> wizard.format().sheetProperty().set("Customers"));
        assertThat(wizard.format().previewHeaders()).as("the title row is the first non-empty one").containsExactly("Customer export, March");
        act(() -> wizard.format().headerRowProperty().set(3));
        assertThat(wizard.format().previewHeaders()).containsExactly("cookie", "email", "zip", "income", "signup_date",
                "interests__001", "interest_2", "Interest 3");
        assertThat(wizard.format().previewRows().get(0)).containsExactly("c-1", "Ann@Example.com", "07302", "125000", "2024-03-05",
                "Music", "Travel", "Food");
        assertThat(wizard.columns().mappingRows()).extracting(MappingRow::column).contains("cookie", "Interest 3");

        act(wizard::next);
        act(wizard::next);
        act(wizard::next);
        DesktopFixture.waitUntil(() -> wizard.run().summaryProperty().get() != null || !wizard.run().failureProperty().get().isEmpty());

        assertThat(wizard.run().failureProperty().get()).isEmpty();
        assertThat(ImportRunStep.accounting(wizard.run().summaryProperty().get()))
                .isEqualTo("2 read = 2 inserted + 0 updated + 0 duplicates + 0 rejected");
        Profile ann = app.profiles().findByExternalId("c-1").orElseThrow();
        assertThat(ann.getEmail()).isEqualTo("ann@example.com");
        assertThat(ann.getPostalCode()).isEqualTo("07302");
        assertThat(ann.getIncome()).isEqualTo(125000.0);
        assertThat(ann.getSignupDate()).isEqualTo("2024-03-05");
        assertThat(ann.getInterests()).containsExactlyInAnyOrder("music", "travel", "food");
        assertThat(app.profiles().findByEmail("lead@example.org")).as("the other sheet is not imported").isEmpty();
    }

    @Test
    void anImportWhoseFollowUpFailsShowsItsSummaryWithTheWarning() throws Exception {
        app.importer().onImported(summary -> {
            throw new OutOfMemoryError("Java heap space");
        });
        ImportWizardViewModel wizard = started(write("c.csv", "cookie,email\nck1,a@x.org\n"));

        act(wizard::next);
        act(wizard::next);
        act(wizard::next);
        DesktopFixture.waitUntil(() -> wizard.run().summaryProperty().get() != null || !wizard.run().failureProperty().get().isEmpty());

        assertThat(ImportRunStep.accounting(wizard.run().summaryProperty().get()))
                .isEqualTo("1 read = 1 inserted + 0 updated + 0 duplicates + 0 rejected");
        assertThat(wizard.run().failureProperty().get())
                .startsWith("The import is saved, but updating the segments afterwards failed (not enough memory)");
        assertThat(app.profiles().findByExternalId("ck1")).isPresent();
    }

    @Test
    void anotherSheetIsReadFromItsOwnFirstNonEmptyRow() throws Exception {
        ImportWizardViewModel wizard = started(WizardWorkbooks.leadsAndCustomers(temp.resolve("export.xlsx")));
        act(() -> wizard.format().sheetProperty().set("Customers"));
        act(() -> wizard.format().headerRowProperty().set(3));
        assertThat(wizard.format().previewHeaders()).startsWith("cookie", "email");

        act(() -> wizard.format().sheetProperty().set("Leads"));

        assertThat(wizard.format().headerRowProperty().get()).isZero();
        assertThat(wizard.format().previewHeaders()).containsExactly("email");
        assertThat(wizard.format().previewRows()).containsExactly(List.of("lead@example.org"));
        assertThat(wizard.canGoNext().get()).isTrue();
    }

    @Test
    void anEmptySheetCannotBeImportedAndSaysSo() throws Exception {
        Path file = org.cdpdesktop.core.ingest.TestWorkbooks.customers(temp.resolve("customers.xlsx"));
        ImportWizardViewModel wizard = started(file);
        assertThat(wizard.format().sheets()).containsExactly(new ImportFiles.SheetInfo("Empty", true),
                new ImportFiles.SheetInfo("Customers", false));
        assertThat(wizard.format().sheetProperty().get()).isEqualTo("Customers");

        act(() -> wizard.format().sheetProperty().set("Empty"));

        assertThat(wizard.format().previewErrorProperty().get()).isEqualTo("The sheet 'Empty' is empty.");
        assertThat(wizard.canGoNext().get()).isFalse();
    }

    @Test
    void aJsonDocumentNamedCsvIsReadAsJsonWithoutCsvOptions() throws Exception {
        Path file = write("customers.csv", """
                [{"id": "j-1", "email": "Ann@Example.com", "zip": "07302", "address": {"city": "Oslo"}},
                 {"id": "j-2", "email": "bob@example.com", "zip": "10115"}]
                """);

        ImportWizardViewModel wizard = started(file);

        assertThat(wizard.format().fileFormatProperty().get()).isEqualTo(FileFormat.JSON);
        assertThat(wizard.format().detectedProperty().get()).isEqualTo("Detected: JSON document");
        assertThat(wizard.format().dialect()).isNull();
        assertThat(wizard.format().previewHeaders()).contains("id", "email", "zip");
        assertThat(wizard.format().previewRows()).hasSize(2);
        assertThat(wizard.columns().mapping().targets()).containsEntry("email", ColumnTarget.field(ProfileField.EMAIL));
        assertThat(wizard.canGoNext().get()).isTrue();
    }

    @Test
    void jsonLinesWithoutAnExtensionAreDetectedAsJsonLines() throws Exception {
        Path file = write("events", "{\"email\": \"a@x.org\", \"plan\": \"pro\"}\n{\"email\": \"b@x.org\", \"plan\": \"free\"}\n");

        ImportWizardViewModel wizard = started(file);

        assertThat(wizard.format().fileFormatProperty().get()).isEqualTo(FileFormat.JSONL);
        assertThat(wizard.format().detectedProperty().get()).isEqualTo("Detected: JSON Lines (one object per line)");
        assertThat(wizard.format().previewHeaders()).containsExactly("email", "plan");
        assertThat(wizard.format().previewRows()).containsExactly(List.of("a@x.org", "pro"), List.of("b@x.org", "free"));
    }

    @Test
    void aCsvNamedTxtIsReadAsCsvWithItsDialectOptions() throws Exception {
        ImportWizardViewModel wizard = started(write("export.txt", "email\tcity\na@x.org\tOslo\n"));

        assertThat(wizard.format().fileFormatProperty().get()).isEqualTo(FileFormat.CSV);
        assertThat(wizard.format().detectedProperty().get()).isEqualTo("Detected: CSV (UTF-8, tab-separated, header row)");
        assertThat(wizard.format().delimiterProperty().get()).isEqualTo('\t');
        assertThat(wizard.format().previewHeaders()).containsExactly("email", "city");
    }

    @Test
    void aFileOfNoImportableFormatIsRefusedWithItsReasonAndTheWizardGoesNoFurther() throws Exception {
        Path file = temp.resolve("photo.csv");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0});

        ImportWizardViewModel wizard = started(file);

        assertThat(wizard.format().fileFormatProperty().get()).isNull();
        assertThat(wizard.format().detectedProperty().get()).isEqualTo("Not an importable file");
        assertThat(wizard.format().previewErrorProperty().get())
                .startsWith("photo.csv is not a file CDP Desktop can import: it holds binary data")
                .endsWith("Nothing was imported.");
        assertThat(wizard.canGoNext().get()).isFalse();
        act(wizard::next);
        assertThat(wizard.stepProperty().get()).isEqualTo(Step.FORMAT);
        assertThat(app.profiles().count()).isZero();
    }

    @Test
    void interestsSpreadOverSeveralColumnsAreAllMappedToInterestsWithoutAClash() throws Exception {
        ImportWizardViewModel wizard = started(write("c.csv", "email,interests__001,interest_2,Interest 3,tier\na@x.org,Music,Travel,Food,gold\n"));
        act(wizard::next);

        assertThat(wizard.columns().mappingRows()).extracting(row -> row.targetProperty().get()).containsExactly(
                TargetChoice.field(ProfileField.EMAIL), TargetChoice.field(ProfileField.INTERESTS), TargetChoice.field(ProfileField.INTERESTS),
                TargetChoice.field(ProfileField.INTERESTS), TargetChoice.ATTRIBUTE);
        assertThat(wizard.columns().interestColumns()).containsExactly("interests__001", "interest_2", "Interest 3");
        assertThat(wizard.columns().mappingProblemProperty().get()).isEmpty();
        assertThat(wizard.canGoNext().get()).isTrue();
    }

    @Test
    void accountingLineAddsUpEveryRow() {
        var summary = new org.cdpdesktop.core.ingest.ImportSummary(1, "f.csv", 3000, 2900, 50, 30, 20, null, 1.5, 2000, false, List.of());

        assertThat(ImportRunStep.accounting(summary)).isEqualTo("3,000 read = 2,900 inserted + 50 updated + 30 duplicates + 20 rejected");
    }

    private ImportWizardViewModel started(Path file) throws Exception {
        ImportWizardViewModel wizard = onFx(() -> new ImportWizardViewModel(app.importer(), app.presets(), app.profileBrowser(), app.cohortModels(), AT_ONCE,
                new JobsViewModel(app.jobs()), new FxUiServices(), file));
        act(wizard::start);
        return wizard;
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static java.util.Map.Entry<String, ColumnTarget> entry(String column, ColumnTarget target) {
        return java.util.Map.entry(column, target);
    }
}

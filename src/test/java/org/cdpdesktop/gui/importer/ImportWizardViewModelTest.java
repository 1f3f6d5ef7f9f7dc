package org.cdpdesktop.gui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cdpdesktop.App;
import org.cdpdesktop.gui.FxUiServices;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.ColumnTarget;
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
import org.testfx.util.WaitForAsyncUtils;

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
        assertThat(wizard.format().detectedProperty().get()).startsWith("Detected: UTF-8").contains("semicolon-separated");
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
    void accountingLineAddsUpEveryRow() {
        var summary = new org.cdpdesktop.core.ingest.ImportSummary(1, "f.csv", 3000, 2900, 50, 30, 20, null, 1.5, 2000, false, List.of());

        assertThat(ImportRunStep.accounting(summary)).isEqualTo("3,000 read = 2,900 inserted + 50 updated + 30 duplicates + 20 rejected");
    }

    private ImportWizardViewModel started(Path file) throws Exception {
        ImportWizardViewModel wizard = onFx(() -> new ImportWizardViewModel(app.importer(), app.presets(), app.profileBrowser(), AT_ONCE,
                new JobsViewModel(app.jobs()), new FxUiServices(), file));
        act(wizard::start);
        return wizard;
    }

    /** Does {@code action} on the FX thread and waits until the background work it started has reported back. */
    private static void act(Runnable action) throws Exception {
        onFx(() -> {
            action.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(20);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    private static java.util.Map.Entry<String, ColumnTarget> entry(String column, ColumnTarget target) {
        return java.util.Map.entry(column, target);
    }
}

package org.cdpdesktop.gui.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdpdesktop.gui.importer.DesktopFixture.waitUntil;

import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cdpdesktop.App;
import org.cdpdesktop.core.Settings;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.sample.SampleDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ImportWizardTest {

    @TempDir
    Path temp;

    private DesktopFixture desktop;
    private App app;

    @Start
    void start(Stage stage) {
        app = App.open(temp.resolve("data"));
        app.settings().set(Settings.SAMPLE_DATA_OFFERED, "true");
        desktop = new DesktopFixture(app);
        desktop.show(stage);
    }

    @AfterEach
    void closeApp() throws Exception {
        desktop.close();
    }

    @Test
    void droppingAFileOpensTheWizardWhichImportsItWithTheChosenDelimiterMappingAndPolicy(FxRobot robot) throws Exception {
        Path file = write("loyalty.csv", """
                ref;mail;postcode;tier;interests
                R-1;ann@example.org;07302;gold;Music|Travel
                R-2;bob@example.org;10115;silver;Tech
                R-3;ANN@example.org;07302;bronze;travel|Food
                """);

        drop(robot, file);
        waitUntil(() -> robot.lookup("#step-format").tryQuery().map(Node::isVisible).orElse(false)
                && !previewHeaders(robot).isEmpty());
        assertThat(previewHeaders(robot)).containsExactly("ref", "mail", "postcode", "tier", "interests");

        choose(robot, "#format-delimiter", ',');
        waitUntil(() -> previewHeaders(robot).size() == 1);
        assertThat(previewHeaders(robot)).containsExactly("ref;mail;postcode;tier;interests");
        choose(robot, "#format-delimiter", ';');
        waitUntil(() -> previewHeaders(robot).size() == 5);

        robot.clickOn("#wizard-next");
        ComboBox<TargetChoice> refTarget = robot.lookup("#mapping-target-0").query();
        assertThat(refTarget.getUserData()).isEqualTo("ref");
        assertThat(refTarget.getValue()).isEqualTo(TargetChoice.ATTRIBUTE);
        assertThat(robot.lookup("#mapping-target-1").<ComboBox<TargetChoice>>query().getValue()).isEqualTo(TargetChoice.field(ProfileField.EMAIL));
        robot.interact(() -> refTarget.setValue(TargetChoice.field(ProfileField.EXTERNAL_ID)));

        robot.clickOn("#wizard-next");
        robot.clickOn("#policy-existing");
        robot.clickOn("#wizard-next");

        waitUntil(() -> robot.lookup("#import-summary").query().isVisible());
        assertThat(text(robot, "#summary-read")).isEqualTo("3");
        assertThat(text(robot, "#summary-inserted")).isEqualTo("2");
        assertThat(text(robot, "#summary-duplicates")).isEqualTo("1");
        assertThat(text(robot, "#summary-rejected")).isEqualTo("0");
        assertThat(text(robot, "#summary-accounting")).isEqualTo("3 read = 2 inserted + 0 updated + 1 duplicates + 0 rejected");
        assertThat(robot.lookup("#rejects-box").query().isVisible()).isFalse();

        Profile ann = app.profiles().findByExternalId("R-1").orElseThrow();
        assertThat(ann.getEmail()).isEqualTo("ann@example.org");
        assertThat(ann.getPostalCode()).isEqualTo("07302");
        assertThat(ann.getAttributes()).containsEntry("tier", "gold");
        assertThat(ann.getInterests()).contains("music", "travel", "food");
        assertThat(app.profiles().findByExternalId("R-2")).isPresent();
        assertThat(app.profiles().count()).isEqualTo(2);

        robot.clickOn("#wizard-close");
        waitUntil(() -> robot.lookup("#wizard-next").tryQuery().isEmpty());
    }

    @Test
    void theWizardPredictsTheImportedProfilesCohortsWithTheActiveModelAfterTheImportUnlessTheUserTurnsItOff(FxRobot robot)
            throws Exception {
        drop(robot, write("fans.csv", "id,email,interests,bio\nF-1,f1@example.org,Cooking|Wine,Loves street food and baking sourdough.\n"
                + "F-2,f2@example.org,Yoga|Running,Into morning runs and yoga classes.\n"));
        waitUntil(() -> !previewHeaders(robot).isEmpty());
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        waitUntil(() -> robot.lookup("#predict-cohorts").<CheckBox>query().isSelected());
        assertThat(robot.lookup("#predict-cohorts").query().isDisabled()).isFalse();
        robot.clickOn("#wizard-next");

        waitUntil(() -> text(robot, "#summary-prediction").startsWith("Predicted cohorts for 2 profiles"));
        assertThat(text(robot, "#summary-prediction")).contains(app.cohortModels().registry().activeId().orElseThrow());
        assertThat(predicted("F-1")).isEqualTo("Foodies");
        assertThat(predicted("F-2")).isEqualTo("Health & Fitness");
        robot.clickOn("#wizard-close");
        waitUntil(() -> robot.lookup("#wizard-next").tryQuery().isEmpty());

        drop(robot, write("more.csv", "id,email,interests\nF-3,f3@example.org,Gadgets|Programming\n"));
        waitUntil(() -> !previewHeaders(robot).isEmpty());
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        waitUntil(() -> robot.lookup("#predict-cohorts").<CheckBox>query().isSelected());
        robot.clickOn("#predict-cohorts");
        robot.clickOn("#wizard-next");

        waitUntil(() -> robot.lookup("#import-summary").query().isVisible());
        assertThat(robot.lookup("#summary-prediction").query().isVisible()).isFalse();
        assertThat(predicted("F-3")).isNull();
    }

    /** The cohort the model stored for the profile with {@code externalId}, or null. */
    private String predicted(String externalId) {
        return app.database().read(connection -> {
            try (var statement = connection.prepareStatement("SELECT pc.cohort FROM profile_cohort pc JOIN profile p ON p.id = pc.profile_id"
                    + " WHERE pc.source = 'model' AND p.external_id = ?")) {
                statement.setString(1, externalId);
                try (var result = statement.executeQuery()) {
                    return result.next() ? result.getString(1) : null;
                }
            }
        });
    }

    @Test
    void droppingAWorkbookLetsTheUserPickItsSecondSheetAndHeaderRowThenImportsItWithInterestColumnsUnited(FxRobot robot)
            throws Exception {
        Path file = WizardWorkbooks.leadsAndCustomers(temp.resolve("export.xlsx"));

        drop(robot, file);
        waitUntil(() -> !previewHeaders(robot).isEmpty());
        assertThat(text(robot, "#format-detected")).isEqualTo("Detected: Excel workbook (.xlsx), sheet 'Leads'");
        assertThat(robot.lookup("#format-workbook-options").query().isVisible()).isTrue();
        assertThat(robot.lookup("#format-csv-options").query().isVisible()).as("a workbook has no CSV dialect").isFalse();
        assertThat(previewHeaders(robot)).containsExactly("email");

        robot.clickOn("#format-sheet");
        robot.clickOn("Customers");
        waitUntil(() -> previewHeaders(robot).equals(List.of("Customer export, March")));
        robot.doubleClickOn("#format-header-row .text-field").write("3").type(KeyCode.ENTER);
        waitUntil(() -> previewHeaders(robot).size() == 8);
        assertThat(previewHeaders(robot)).containsExactly("cookie", "email", "zip", "income", "signup_date", "interests__001",
                "interest_2", "Interest 3");

        robot.clickOn("#wizard-next");
        for (int column = 5; column <= 7; column++) {
            assertThat(robot.lookup("#mapping-target-" + column).<ComboBox<TargetChoice>>query().getValue())
                    .isEqualTo(TargetChoice.field(ProfileField.INTERESTS));
        }
        assertThat(text(robot, "#mapping-note-5")).isEqualTo("One of 3 interest columns, united; each split on | , ; and lower-cased");
        assertThat(robot.lookup("#mapping-problem").query().isVisible()).isFalse();
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");

        waitUntil(() -> robot.lookup("#import-summary").query().isVisible());
        assertThat(text(robot, "#summary-read")).isEqualTo("2");
        assertThat(text(robot, "#summary-inserted")).isEqualTo("2");
        assertThat(text(robot, "#summary-accounting")).isEqualTo("2 read = 2 inserted + 0 updated + 0 duplicates + 0 rejected");
        Profile ann = app.profiles().findByExternalId("c-1").orElseThrow();
        assertThat(ann.getPostalCode()).isEqualTo("07302");
        assertThat(ann.getIncome()).isEqualTo(125000.0);
        assertThat(ann.getSignupDate()).isEqualTo("2024-03-05");
        assertThat(ann.getInterests()).containsExactlyInAnyOrder("music", "travel", "food");
        assertThat(app.profiles().findByExternalId("c-2").orElseThrow().getInterests()).containsExactly("tech");
        assertThat(app.profiles().count()).as("the Leads sheet is not imported").isEqualTo(2);
    }

    @Test
    void aJsonLinesFileShowsWhatWasDetectedAndHowItsColumnsAreFoundInsteadOfCsvOptions(FxRobot robot) throws Exception {
        Path file = write("events.txt", "{\"email\": \"a@example.org\", \"address\": {\"city\": \"Oslo\"}}\n{\"email\": \"b@example.org\"}\n");

        drop(robot, file);
        waitUntil(() -> !previewHeaders(robot).isEmpty());

        assertThat(text(robot, "#format-detected")).isEqualTo("Detected: JSON Lines (one object per line)");
        assertThat(previewHeaders(robot)).containsExactly("email", "address.city");
        assertThat(text(robot, "#preview-state")).isEqualTo("all 2 rows");
        assertThat(robot.lookup("#format-json-note").query().isVisible()).isTrue();
        assertThat(robot.lookup("#format-csv-options").query().isVisible()).isFalse();
        assertThat(robot.lookup("#format-workbook-options").query().isVisible()).isFalse();
    }

    @Test
    void aFileOfNoImportableFormatIsRefusedWithItsReasonAndCannotGoOn(FxRobot robot) throws Exception {
        Path file = temp.resolve("archive.csv");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("customers.csv"));
            zip.write("email\na@example.org\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        drop(robot, file);
        waitUntil(() -> !text(robot, "#preview-error").isEmpty());

        assertThat(text(robot, "#format-detected")).isEqualTo("Not an importable file");
        assertThat(text(robot, "#preview-error")).startsWith("archive.csv is a ZIP archive, not an Excel workbook");
        assertThat(robot.lookup("#format-csv-options").query().isVisible()).isFalse();
        assertThat(robot.lookup("#preview-table").query().isVisible()).as("no preview is promised").isFalse();
        assertThat(robot.lookup("#wizard-next").query().isDisabled()).isTrue();
        assertThat(app.profiles().count()).isZero();
    }

    @Test
    void rowsTheStoreCannotTakeAreListedWithTheirLineAndReasonInTheSummary(FxRobot robot) throws Exception {
        Path file = write("people.csv", """
                id,email,age
                A1,a1@example.org,34
                A2,a2@example.org,30,surplus
                A3,a3@example.org,41
                A4,a4@example.org,25
                A5,a5@example.org,52
                """);

        drop(robot, file);
        waitUntil(() -> !previewHeaders(robot).isEmpty());
        assertThat(text(robot, "#preview-problems")).isEqualTo("Line 3: expected 3 columns, found 4; this row will be rejected");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");

        waitUntil(() -> robot.lookup("#import-summary").query().isVisible());
        assertThat(text(robot, "#summary-accounting")).isEqualTo("5 read = 4 inserted + 0 updated + 0 duplicates + 1 rejected");
        assertThat(text(robot, "#summary-rejected")).isEqualTo("1");
        TableView<List<String>> rejects = robot.lookup("#rejects-table").query();
        waitUntil(() -> rejects.getItems().size() == 1);
        assertThat(robot.lookup("#rejects-box").query().isVisible()).isTrue();
        assertThat(rejects.getColumns()).extracting(column -> column.getText()).containsExactly("line", "reason", "raw");
        assertThat(rejects.getItems().get(0)).containsExactly("3", "expected 3 columns, found 4", "A2,a2@example.org,30,surplus");
        assertThat(robot.lookup("#rejects-path").<javafx.scene.control.TextField>query().getText())
                .startsWith(app.dataDirectory().rejects().toString());
        assertThat(app.profiles().count()).isEqualTo(4);
        assertThat(app.profiles().findByExternalId("A2")).isEmpty();
    }

    @Test
    void theSummaryReportsPerColumnTheValuesCleanedAndListsTheProfilesWithInvalidValues(FxRobot robot) throws Exception {
        Path file = write("dirty.csv", """
                id,email,age,income,city
                A1,not-an-email,abc,lots,Oslo
                A2,BOB@example.org,41,50000,Rome
                """);
        drop(robot, file);
        waitUntil(() -> !previewHeaders(robot).isEmpty());
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");

        waitUntil(() -> robot.lookup("#import-summary").query().isVisible());
        assertThat(text(robot, "#summary-rejected")).isEqualTo("0");
        assertThat(robot.lookup("#summary-rejected").query().getParent().getStyleClass()).doesNotContain("attention");
        assertThat(text(robot, "#summary-cleaning-note")).isEqualTo(
                "3 values could not be cleaned: the field stays empty and the value is kept as written in an invalid_ attribute.");
        assertThat(text(robot, "#cleaning-normalised-email")).isEqualTo("1 normalised");
        assertThat(text(robot, "#cleaning-invalid-email")).isEqualTo("1 kept aside as invalid_email");
        assertThat(robot.lookup("#cleaning-invalid-email").query().getStyleClass()).contains("cleaning-invalid");
        assertThat(text(robot, "#cleaning-invalid-age")).isEqualTo("1 kept aside as invalid_age");
        assertThat(text(robot, "#cleaning-invalid-income")).isEqualTo("1 kept aside as invalid_income");
        assertThat(robot.lookup("#cleaning-invalid-city").tryQuery()).isEmpty();

        robot.clickOn("#cleaning-list-email");
        TableView<List<String>> invalid = robot.lookup("#invalid-profiles-table").query();
        waitUntil(() -> invalid.getItems().size() == 1);
        assertThat(invalid.getItems().get(0)).containsExactly("A1", "", "not-an-email");
    }

    @Test
    void aCleanImportShowsNothingNeedingAttention(FxRobot robot) throws Exception {
        drop(robot, write("clean.csv", "id,email\nA1,a1@example.org\n"));
        waitUntil(() -> !previewHeaders(robot).isEmpty());
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");

        waitUntil(() -> robot.lookup("#import-summary").query().isVisible());
        assertThat(text(robot, "#summary-cleaning-note")).isEqualTo("Every value was stored as written.");
        assertThat(robot.lookup("#summary-rejected").query().getParent().getStyleClass()).doesNotContain("attention");
    }

    @Test
    void cancellingARunningImportSaysSoAndLeavesTheStoreUntouched(FxRobot robot) throws Exception {
        Path file = temp.resolve("large.csv");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SampleDataGenerator.write(writer, 100_000, 7);
        }

        drop(robot, file);
        waitUntil(() -> !previewHeaders(robot).isEmpty());
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#import-cancel");

        waitUntil(() -> !text(robot, "#import-failure").isEmpty());
        assertThat(text(robot, "#import-failure")).isEqualTo("The import was cancelled. Nothing was changed in the store.");
        assertThat(robot.lookup("#import-summary").query().isVisible()).isFalse();
        assertThat(app.profiles().count()).isZero();
        assertThat(robot.lookup("#wizard-close").<javafx.scene.control.Button>query().isDisabled()).isFalse();
    }

    @Test
    void severalDroppedFilesAreWalkedOneAfterAnother(FxRobot robot) throws Exception {
        Path first = write("first.csv", "email\none@example.org\n");
        Path second = write("second.csv", "email\ntwo@example.org\n");

        drop(robot, first, second);
        waitUntil(() -> !previewHeaders(robot).isEmpty());
        assertThat(text(robot, "#wizard-title")).isEqualTo("Import first.csv");
        assertThat(text(robot, "#wizard-queue")).isEqualTo("1 more file queued");

        robot.clickOn("#wizard-close");
        waitUntil(() -> robot.lookup("#wizard-title").tryQuery().map(node -> ((Label) node).getText().equals("Import second.csv")).orElse(false));
        assertThat(text(robot, "#wizard-queue")).isEmpty();
    }

    @Test
    void closingAGoesToDropDownWithEscapeKeepsTheChoiceAndShowsNoError(FxRobot robot) throws Exception {
        Path file = write("people.csv", "id,email,city\nA1,a1@example.org,Oslo\n");
        drop(robot, file);
        waitUntil(() -> !previewHeaders(robot).isEmpty());
        robot.clickOn("#wizard-next");
        ComboBox<TargetChoice> email = robot.lookup("#mapping-target-1").query();
        assertThat(email.getValue()).isEqualTo(TargetChoice.field(ProfileField.EMAIL));

        robot.clickOn(email);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#mapping-target-2");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(email.getValue()).isEqualTo(TargetChoice.field(ProfileField.EMAIL));
        assertThat(robot.lookup("#mapping-target-2").<ComboBox<TargetChoice>>query().getValue())
                .isEqualTo(TargetChoice.field(ProfileField.CITY));
        assertThat(errorAlerts()).isEmpty();
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        waitUntil(() -> robot.lookup("#import-summary").query().isVisible());
        assertThat(app.profiles().findByExternalId("A1").orElseThrow().getEmail()).isEqualTo("a1@example.org");
    }

    /** The texts of every error dialog open: the uncaught-exception handler shows one for any failure nobody caught. */
    private static List<String> errorAlerts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .map(window -> window.getScene().getRoot())
                .filter(root -> root instanceof DialogPane)
                .map(root -> ((DialogPane) root).getHeaderText() + ": " + ((DialogPane) root).getContentText())
                .toList()).get();
    }

    private void drop(FxRobot robot, Path... files) throws Exception {
        Node target = robot.lookup("#nav-dashboard").query();
        WaitForAsyncUtils.asyncFx(() -> FileDrop.dropOn(target, List.of(files))).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> previewHeaders(FxRobot robot) {
        return robot.lookup("#preview-table").tryQuery()
                .map(table -> ((TableView<?>) table).getColumns().stream().map(column -> column.getText()).toList())
                .orElse(List.of());
    }

    private static void choose(FxRobot robot, String combo, Character value) {
        ComboBox<Character> box = robot.lookup(combo).query();
        robot.clickOn(box);
        robot.clickOn(box.getConverter().toString(value));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getValue()).isEqualTo(value);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).<Label>query().getText();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

}

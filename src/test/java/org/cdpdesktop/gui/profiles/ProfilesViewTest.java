package org.cdpdesktop.gui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.cdpdesktop.core.profile.ProfileField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import java.util.Map;
import javafx.stage.Stage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.cdpdesktop.App;
import org.cdpdesktop.core.db.PendingIndexFixtures;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileFixtures;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.FadingMessage;
import org.cdpdesktop.gui.Formats;
import org.cdpdesktop.gui.FxWait;
import org.cdpdesktop.gui.Screen;
import org.cdpdesktop.gui.task.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ProfilesViewTest {

    @TempDir
    static Path dataDirectory;

    private App app;
    /**
     * One executor for the whole class, never shut down (its threads are daemons): a view of an earlier test may still
     * have a timer running, such as the debounced column-layout save, and must not find its executor gone.
     */
    private static final FxTaskExecutor EXECUTOR = new FxTaskExecutor();
    private List<Profile> five;
    /** Where the Save dialog "answers" an export goes: the headless test stands in for the person choosing it. */
    private Path chosenExport;

    @Start
    void start(Stage stage) {
        Path store = dataDirectory.resolve("store-" + System.nanoTime());
        app = App.open(store);
        five = ProfileFixtures.saveFive(app.profiles());
        chosenExport = store.resolve("chosen-folder").resolve("export.csv");
        DesktopApp.show(stage, app, EXECUTOR, (format, suggested) -> Optional.of(chosenExport));
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForFxEvents();
        app.close();
    }

    private void openProfiles(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.PROFILES.navigationId());
        FxWait.until(() -> count(robot).equals("5 profiles"));
    }

    private static String count(FxRobot robot) {
        return robot.lookup("#profiles-count").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Profile> table(FxRobot robot) {
        return robot.lookup("#profiles-table").queryAs(TableView.class);
    }

    private static List<String> shownEmails(FxRobot robot) {
        TableView<Profile> table = table(robot);
        return table.getItems().stream().map(profile -> profile == null ? null : profile.getEmail()).toList();
    }

    @Test
    void typingAFragmentOfAnEmailFindsThatCustomer(FxRobot robot) throws Exception {
        openProfiles(robot);

        robot.clickOn("#profiles-search").write("stone@gm");

        FxWait.until(() -> count(robot).equals("1 profile match"));
        assertThat(shownEmails(robot)).containsExactly("bob.stone@gmail.com");
    }

    @Test
    void whileFilterIndexesAreBuiltAfterABulkImportTheScreenSaysWhyFiltersAreSlowAndStillFilters(FxRobot robot) throws Exception {
        openProfiles(robot);
        PendingIndexFixtures.leavePending(app.database(), "profile_city_nocase");

        FxWait.until(() -> indexing(robot).isVisible());
        assertThat(indexing(robot).getText()).contains("1 index to go").contains("filters and sorts may be slow");
        robot.clickOn("#profiles-search").write("stone@gm");
        FxWait.until(() -> count(robot).equals("1 profile match"));

        app.resumeUnfinishedWork();
        FxWait.until(() -> !indexing(robot).isVisible());
        assertThat(app.pendingIndexes().names()).isEmpty();
    }

    private static Label indexing(FxRobot robot) {
        return robot.lookup("#profiles-indexing").queryAs(Label.class);
    }

    @Test
    void clickingAColumnHeaderSortsByItAndClickingAgainReverses(FxRobot robot) throws Exception {
        openProfiles(robot);

        robot.clickOn("#column-age");
        FxWait.until(() -> "dev.patel@outlook.com".equals(shownEmails(robot).get(0)));
        robot.clickOn("#column-age");
        FxWait.until(() -> "eve.marsh@example.org".equals(shownEmails(robot).get(0)));

        assertThat(shownEmails(robot)).containsExactly("eve.marsh@example.org", "bob.stone@gmail.com", "cho.kim@example.org",
                "ann.lee@example.org", "dev.patel@outlook.com");
    }

    @Test
    void filteringToCanadiansAged25To34InterestedInTravelShowsTheirCount(FxRobot robot) throws Exception {
        openProfiles(robot);

        robot.clickOn("#filter-country");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("Canada")).queryAs(Node.class));
        robot.clickOn("#filter-age-min").write("25");
        robot.clickOn("#filter-age-max").write("34");
        robot.clickOn("#filter-interest").write("travel").type(KeyCode.ENTER);

        FxWait.until(() -> count(robot).equals("2 profiles match"));
        assertThat(shownEmails(robot)).containsExactly("ann.lee@example.org", "cho.kim@example.org");

        robot.clickOn("#profiles-clear-filters");
        FxWait.until(() -> count(robot).equals("5 profiles"));
    }

    @Test
    void selectingARowShowsEverythingAboutTheProfile(FxRobot robot) throws Exception {
        ProfileFixtures.recordImport(app.database(), "customers.csv", "2026-03-01T10:00:00Z", five.get(0).getId());
        ProfileFixtures.assignCohort(app.database(), five.get(0).getId(), "Explorers", 0.87, "m-7");
        openProfiles(robot);

        robot.clickOn("ann.lee@example.org");

        FxWait.until(() -> robot.lookup("#detail-name").tryQuery().isPresent());
        assertThat(robot.lookup("#detail-name").queryAs(Label.class).getText()).isEqualTo("Ann Lee");
        assertThat(robot.lookup("#detail-interests .chip").queryAllAs(Label.class)).extracting(Label::getText).containsExactly("travel", "food");
        assertThat(robot.lookup("#detail-createdAt").queryAs(Label.class).getText()).isEqualTo(Formats.instant(five.get(0).getCreatedAt()));
        assertThat(robot.lookup("#detail-cohorts .label").queryAs(Label.class).getText()).contains("Explorers", "87%", "m-7");
        assertThat(robot.lookup("#detail-imports .label").queryAs(Label.class).getText()).contains("customers.csv");
    }

    @Test
    void anInvalidEmailIsExplainedNextToTheFieldAndNothingIsSaved(FxRobot robot) throws Exception {
        openProfiles(robot);
        robot.clickOn("ann.lee@example.org");
        FxWait.until(() -> robot.lookup("#detail-edit").tryQuery().isPresent());

        robot.clickOn("#detail-edit");
        robot.doubleClickOn("#edit-email").eraseText(40).write("ann.lee@");
        robot.clickOn("#edit-city").eraseText(20).write("Ottawa");
        robot.clickOn("#detail-save");

        FxWait.until(() -> robot.lookup("#error-email").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#error-email").queryAs(Label.class).getText()).contains("'ann.lee@' is not a valid email address");
        Profile stored = app.profiles().findById(five.get(0).getId()).orElseThrow();
        assertThat(stored.getEmail()).isEqualTo("ann.lee@example.org");
        assertThat(stored.getCity()).isEqualTo("Toronto");
    }

    @Test
    void exportingTheFilteredViewWritesExactlyThoseProfilesInTheOrderOnScreen(FxRobot robot) throws Exception {
        openProfiles(robot);
        robot.clickOn("#filter-country");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("Canada")).queryAs(Node.class));
        robot.clickOn("#filter-interest").write("travel").type(KeyCode.ENTER);
        FxWait.until(() -> count(robot).equals("2 profiles match"));
        robot.clickOn("#column-age");
        robot.clickOn("#column-age");
        FxWait.until(() -> shownEmails(robot).equals(List.of("cho.kim@example.org", "ann.lee@example.org")));

        robot.clickOn("#profiles-export");
        robot.clickOn("All matching profiles as CSV…");

        FxWait.until(() -> robot.lookup("#profiles-notice").queryAs(Label.class).getText().startsWith("Exported 2 profiles"));
        assertThat(exportedEmails()).containsExactly("cho.kim@example.org", "ann.lee@example.org");
        assertThat(Files.readAllLines(chosenExport, StandardCharsets.UTF_8).get(0)).isEqualTo("externalId,email,phone,firstName,"
                + "lastName,age,gender,city,state,country,postalCode,income,education,interests,bio,signupDate,createdAt,updatedAt,"
                + "tier,cohorts");
    }

    /** The emails in the exported CSV file, in file order. */
    private List<String> exportedEmails() throws Exception {
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(chosenExport, StandardCharsets.UTF_8))) {
            return csv.getRecords().stream().map(row -> row.get("email")).toList();
        }
    }

    @Test
    void exportingASelectAllWritesEveryRowAlsoThoseNeverLoaded(FxRobot robot) throws Exception {
        ProfileFixtures.saveMany(app.profiles(), 995);
        robot.clickOn("#" + Screen.PROFILES.navigationId());
        FxWait.until(() -> count(robot).equals("1,000 profiles"));
        FxWait.until(() -> !shownEmails(robot).isEmpty());

        // What Ctrl+A does: Monocle's headless robot drops modifier keys, so the test asks the table directly.
        robot.interact(() -> table(robot).getSelectionModel().selectAll());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getSelectionModel().getSelectedIndices()).hasSize(1000);
        robot.clickOn("#profiles-export");
        robot.clickOn("Selected rows as CSV…");

        FxWait.until(() -> robot.lookup("#profiles-notice").queryAs(Label.class).getText().startsWith("Exported 1,000 profiles"));
        assertThat(exportedEmails()).doesNotHaveDuplicates().hasSize(1000).contains("customer994@example.org", "ann.lee@example.org");
    }

    @Test
    void columnsMenuShowsAttributeNamesWithTheirUnderscores(FxRobot robot) throws Exception {
        Profile ann = five.get(0);
        ann.setAttributes(Map.of("income_range", "25000-50000", "invalid_age", "abc"));
        app.profiles().save(ann);
        openProfiles(robot);
        FxWait.until(() -> robot.lookup("#profiles-columns").queryAs(MenuButton.class).getItems().size() > ProfileField.values().length);

        robot.clickOn("#profiles-columns");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".context-menu .text").queryAllAs(Text.class)).extracting(Text::getText)
                .contains("income_range", "invalid_age");
    }

    @Test
    void incomeAndSignupDateAreShownFormattedForPeopleInTheTableAndTheDetail(FxRobot robot) throws Exception {
        Profile ann = five.get(0);
        ann.setIncome(62499.5);
        ann.setSignupDate("2024-12-04T09:20:18");
        app.profiles().save(ann);
        openProfiles(robot);

        FxWait.until(() -> robot.lookup("#column-income").tryQuery().isPresent());
        List<String> cells = robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(cell -> cell.getText()).filter(text -> text != null).toList();
        assertThat(cells).contains(Formats.field(ProfileField.INCOME, "62499.5"), Formats.field(ProfileField.SIGNUP_DATE, "2024-12-04T09:20:18"))
                .doesNotContain("62499.5", "2024-12-04T09:20:18");
        robot.clickOn("ann.lee@example.org");
        FxWait.until(() -> robot.lookup("#detail-income").tryQuery().isPresent());
        assertThat(robot.lookup("#detail-income").queryAs(Label.class).getText()).isEqualTo(Formats.field(ProfileField.INCOME, "62499.5"));
    }

    @Test
    void aValidEditIsSavedAndTheProfileStaysShownWithAConfirmationThatFades(FxRobot robot) throws Exception {
        openProfiles(robot);
        robot.clickOn("ann.lee@example.org");
        FxWait.until(() -> robot.lookup("#detail-edit").tryQuery().isPresent());

        robot.clickOn("#detail-edit");
        robot.doubleClickOn("#edit-city").eraseText(20).write("Ottawa");
        robot.clickOn("#detail-save");

        FxWait.until(() -> "Ottawa".equals(robot.lookup("#detail-city").tryQueryAs(Label.class).map(Label::getText).orElse(null)));
        assertThat(robot.lookup("#detail-name").queryAs(Label.class).getText()).isEqualTo("Ann Lee");
        assertThat(robot.lookup("#detail-notice").queryAs(Label.class).getText()).isEqualTo("Saved the changes to Ann Lee.");
        assertThat(app.profiles().findById(five.get(0).getId()).orElseThrow().getCity()).isEqualTo("Ottawa");
        WaitForAsyncUtils.waitFor((long) FadingMessage.SHOWN_FOR.toSeconds() + 5, TimeUnit.SECONDS,
                () -> robot.lookup("#detail-notice").queryAs(Label.class).getText().isEmpty());
    }

    @Test
    void enterInTheDeleteDialogCancelsAndKeepsTheProfile(FxRobot robot) throws Exception {
        openProfiles(robot);
        robot.clickOn("ann.lee@example.org");
        FxWait.until(() -> robot.lookup("#detail-delete").tryQuery().isPresent());

        robot.clickOn("#detail-delete");
        FxWait.until(() -> robot.lookup("#dialog-cancel").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#dialog-cancel").tryQuery()).isEmpty();
        assertThat(app.profiles().findById(five.get(0).getId())).isPresent();
        assertThat(robot.lookup("#detail-name").queryAs(Label.class).getText()).isEqualTo("Ann Lee");
    }

    @Test
    void theDetailOpensOnASelectionAndCanBeHiddenToGiveTheTableTheWidth(FxRobot robot) throws Exception {
        openProfiles(robot);
        assertThat(robot.lookup("#profile-detail").tryQuery()).isEmpty();

        robot.clickOn("ann.lee@example.org");
        FxWait.until(() -> robot.lookup("#detail-name").tryQuery().isPresent());
        assertThat(robot.lookup("#profiles-detail-toggle").queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.clickOn("#profiles-detail-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profile-detail").tryQuery()).isEmpty();

        robot.clickOn("bob.stone@gmail.com");
        // The hidden detail gives no sign of having loaded, so the test allows the load its usual few milliseconds many times over.
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profile-detail").tryQuery()).as("hidden by the user, it stays hidden").isEmpty();
        robot.clickOn("#profiles-detail-toggle");
        FxWait.until(() -> "Bob Stone".equals(robot.lookup("#detail-name").tryQueryAs(Label.class).map(Label::getText).orElse(null)));
    }
}

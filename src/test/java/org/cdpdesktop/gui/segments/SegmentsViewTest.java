package org.cdpdesktop.gui.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.segment.SegmentSize;
import org.cdpdesktop.gui.DesktopApp;
import org.cdpdesktop.gui.FxWait;
import org.cdpdesktop.gui.task.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SegmentsViewTest {

    @TempDir
    static Path dataDirectory;
    private App app;
    private FxTaskExecutor executor;
    private List<Profile> profiles;
    /** Where the Save dialog "answers" an export goes: the headless test stands in for the person choosing it. */
    private Path chosenExport;
    private final List<String> suggestedNames = new ArrayList<>();

    @Start
    void start(Stage stage) {
        app = App.open(dataDirectory.resolve("data-" + System.nanoTime()));
        profiles = List.of(
                profile("us-old", "US", 70, "music"),
                profile("us-traveller", "us", 30, "travel"),
                profile("us-young", "US", 30, "music"),
                profile("us-unknown-age", "US", null, ""),
                profile("ca-old-traveller", "CA", 80, "travel"),
                profile("us-old-traveller", "US", 66, "travel|tech"));
        executor = new FxTaskExecutor();
        chosenExport = dataDirectory.resolve("exports-" + System.nanoTime()).resolve("members.csv");
        DesktopApp.show(stage, app, executor, (format, suggested) -> {
            suggestedNames.add(suggested);
            return Optional.of(chosenExport);
        });
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        // Debounced counts and refreshes still pending must run before their executor and store close.
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.hideStage();
        executor.close();
        app.close();
    }

    @Test
    void buildingANestedSegmentShowsItsCountAndTextAndSavesIt(FxRobot robot) {
        robot.clickOn("#nav-segments");
        robot.clickOn("#segment-new");
        robot.clickOn(robot.lookup(".rule-value").nth(0).<Node>query()).write("US");

        robot.clickOn(robot.lookup(".rule-add-group").nth(0).<Node>query());
        pick(robot, robot.lookup(".rule-field").nth(1).query(), "Age");
        pick(robot, robot.lookup(".rule-operator").nth(1).query(), "at least");
        robot.clickOn(robot.lookup(".rule-value").nth(1).<Node>query()).write("65");
        robot.clickOn(robot.lookup(".rule-add-condition").nth(1).<Node>query());
        pick(robot, robot.lookup(".rule-field").nth(2).query(), "Interests");
        robot.clickOn(robot.lookup(".rule-value").nth(2).<Node>query()).write("travel");

        long expected = profiles.stream().filter(p -> "us".equalsIgnoreCase(p.getCountry())
                && (p.getAge() != null && p.getAge() >= 65 || p.getInterests().contains("travel"))).count();
        FxWait.until(() -> robot.lookup("#segment-count").queryAs(Label.class).getText()
                .equals(expected + " matching profiles"));
        assertThat(expected).isEqualTo(3);
        assertThat(robot.lookup("#segment-rule-text").queryAs(TextArea.class).getText())
                .isEqualTo("country = \"US\" AND (age >= 65 OR interests contains \"travel\")");

        robot.clickOn("#segment-name").write("US seniors or travellers");
        robot.clickOn("#segment-save");

        @SuppressWarnings("unchecked")
        ListView<SegmentSize> list = robot.lookup("#segment-list").queryAs(ListView.class);
        FxWait.until(() -> list.getItems().stream().anyMatch(size ->
                size.segment().name().equals("US seniors or travellers") && size.size() == expected));
    }

    @Test
    void editingTheRuleTextRebuildsTheBuilderAndReportsErrorsWithTheirPosition(FxRobot robot) {
        robot.clickOn("#nav-segments");
        robot.clickOn("#segment-new");
        TextArea text = robot.lookup("#segment-rule-text").queryAs(TextArea.class);
        robot.interact(text::clear);
        robot.clickOn(text).write("age >= ");

        FxWait.until(() -> robot.lookup("#segment-rule-problem").queryAs(Label.class).getText()
                .equals("at position 8: expected a value after '>=', found the end of the rule"));

        robot.write("65 AND NOT country = \"CA\"");

        FxWait.until(() -> robot.lookup("#segment-count").queryAs(Label.class).getText().equals("2 matching profiles"));
        assertThat(robot.lookup(".rule-group").queryAll()).hasSize(2);
        assertThat(robot.lookup(".rule-negate").nth(1).queryAs(CheckBox.class).isSelected()).isTrue();
    }

    @Test
    void pickingASavedSegmentOpensItInTheBuilder(FxRobot robot) {
        robot.clickOn("#nav-segments");
        var seniorCell = robot.lookup("#segment-list .list-cell").match(node -> node instanceof ListCell<?> cell
                && cell.getText() != null && cell.getText().startsWith("Senior"));
        FxWait.until(() -> seniorCell.tryQuery().isPresent());

        robot.clickOn(seniorCell.<Node>query());

        FxWait.until(() -> robot.lookup("#segment-name").queryAs(TextField.class).getText().equals("Senior"));
        assertThat(robot.lookup("#segment-rule-text").queryAs(TextArea.class).getText()).isEqualTo("age >= 65");
        assertThat(robot.lookup(".rule-value").nth(0).queryAs(ComboBox.class).getEditor().getText()).isEqualTo("65");
        FxWait.until(() -> robot.lookup("#segment-count").queryAs(Label.class).getText().equals("3 matching profiles"));
    }

    @Test
    void exportingMembersWritesThemInTheProfileCsvLayoutToTheChosenFile(FxRobot robot) throws Exception {
        robot.clickOn("#nav-segments");
        robot.clickOn("#segment-new");
        robot.clickOn("#segment-name").write("Travellers");
        TextArea text = robot.lookup("#segment-rule-text").queryAs(TextArea.class);
        robot.interact(text::clear);
        robot.clickOn(text).write("interests contains \"travel\"");
        FxWait.until(() -> robot.lookup("#segment-count").queryAs(Label.class).getText().equals("3 matching profiles"));

        robot.clickOn("#segment-save");
        FxWait.until(() -> !robot.lookup("#segment-export").queryButton().isDisabled());
        robot.clickOn("#segment-export");

        FxWait.until(() -> robot.lookup("#segment-status").queryAs(Label.class).getText().startsWith("Exported 3 members"));
        assertThat(suggestedNames).containsExactly("Travellers");
        List<String> lines = Files.readAllLines(chosenExport, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("externalId,email,phone,firstName,lastName,age,gender,city,state,country,postalCode,"
                + "income,education,interests,bio,signupDate,createdAt,updatedAt,cohorts");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("us-traveller", "ca-old-traveller", "us-old-traveller");
    }

    @Test
    void newSegmentAfterASavedOneShowsAnEmptyDraftWithoutErrorsAndOnlySaveAvailable(FxRobot robot) {
        robot.clickOn("#nav-segments");
        openSegment(robot, "Senior");
        FxWait.until(() -> robot.lookup("#segment-count").queryAs(Label.class).getText().equals("3 matching profiles"));
        assertThat(robot.lookup("#segment-delete").queryButton().isDisabled()).isFalse();

        robot.clickOn("#segment-new");

        assertThat(robot.lookup("#segment-name").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#segment-rule-text").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(robot.lookup("#segment-rule-problem").queryAs(Label.class).isVisible()).isFalse();
        TableView<?> preview = robot.lookup("#segment-preview").queryAs(TableView.class);
        assertThat(preview.getItems()).isEmpty();
        assertThat(((Label) preview.getPlaceholder()).getText()).isEqualTo("Finish the rule to see who matches");
        assertThat(robot.lookup(".rule-value").nth(0).queryAs(ComboBox.class).getEditor().getText()).isEmpty();
        for (String button : List.of("#segment-delete", "#segment-duplicate", "#segment-export", "#segment-save")) {
            assertThat(robot.lookup(button).queryButton().isDisabled()).as(button).isTrue();
        }
    }

    @Test
    void theTrendTabDrawsTheOpenSegmentAndAnotherOnePickedToCompareInTwoColours(FxRobot robot) {
        app.segments().create("Active_2024", RuleParser.parse("age >= 70"), "");
        app.segments().snapshotAll("test");
        robot.clickOn("#nav-segments");
        openSegment(robot, "Senior");
        robot.clickOn("#segment-trend-tab");
        SegmentTrendChart trend = robot.lookup("#segment-trend").queryAs(SegmentTrendChart.class);
        FxWait.until(() -> trend.getData().size() == 1);
        assertThat(trend.getData().get(0).getName()).isEqualTo("Senior");

        robot.clickOn("#segment-trend-compare");
        robot.clickOn(robot.lookup(".menu-item").match(item -> shows(robot, item, "Active_2024")).<Node>query());

        FxWait.until(() -> trend.getData().size() == 2);
        assertThat(trend.getData()).extracting(XYChart.Series::getName).containsExactly("Senior", "Active_2024");
        assertThat(trend.getData().get(0).getNode().getStyle()).isNotEqualTo(trend.getData().get(1).getNode().getStyle());
        assertThat(robot.lookup("#segment-list .list-cell").match(cell -> shows(robot, cell, "Active_2024  —  ")).tryQuery())
                .as("the list shows the name with its underscore").isPresent();
    }

    @Test
    void aSegmentNeverSnapshottedIsNamedOnTheTrendTabWithWhatToDo(FxRobot robot) {
        app.segments().create("Canadians", RuleParser.parse("country = \"CA\""), "");
        robot.clickOn("#nav-segments");
        openSegment(robot, "Canadians");
        robot.clickOn("#segment-trend-tab");

        FxWait.until(() -> robot.lookup("#segment-trend-note").queryAs(Label.class).getText()
                .equals("\u201cCanadians\u201d has no snapshot yet: \u201cTake snapshot\u201d (or the next import) records its size."));
        assertThat(shown(robot.lookup("#segment-trend").query())).isFalse();
    }

    @Test
    void theCohortsTabWithoutCohortsSaysHowTheyArriveInsteadOfAnEmptyChart(FxRobot robot) {
        robot.clickOn("#nav-segments");
        robot.clickOn("#cohorts-tab");

        FxWait.until(() -> shown(robot.lookup("#cohort-empty").query()));
        assertThat(shown(robot.lookup("#cohort-chart").query())).isFalse();
        assertThat(robot.lookup("#cohort-empty-text").queryAs(Label.class).getText())
                .contains("map a column of the file to \u201cCohort\u201d").contains("cohort model");
    }

    /** True when {@code node} and every parent are visible: what a user can see. */
    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code node} draws {@code text} (starting with it) on screen, mnemonic underscores included. */
    private static boolean shows(FxRobot robot, Node node, String text) {
        return robot.from(node).lookup(".text").match(drawn -> drawn instanceof Text shape
                && shape.getText() != null && shape.getText().startsWith(text)).tryQuery().isPresent();
    }

    private static void openSegment(FxRobot robot, String name) {
        @SuppressWarnings("unchecked")
        ListView<SegmentSize> list = robot.lookup("#segment-list").queryAs(ListView.class);
        FxWait.until(() -> list.getItems().stream().anyMatch(size -> size.segment().name().equals(name)));
        robot.interact(() -> list.scrollTo(list.getItems().stream()
                .filter(size -> size.segment().name().equals(name)).findFirst().orElseThrow()));
        var cell = robot.lookup("#segment-list .list-cell").match(node -> node instanceof ListCell<?> listCell
                && listCell.getText() != null && listCell.getText().startsWith(name + "  "));
        FxWait.until(() -> cell.tryQuery().isPresent());
        robot.clickOn(cell.<Node>query());
        FxWait.until(() -> robot.lookup("#segment-name").queryAs(TextField.class).getText().equals(name));
    }

    private static void pick(FxRobot robot, Node comboBox, String item) {
        robot.clickOn(comboBox);
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup(".combo-box-popup .list-cell").match(node ->
                node instanceof ListCell<?> listCell && item.equals(listCell.getText())).query();
        robot.clickOn(cell);
        @SuppressWarnings("unchecked")
        ComboBox<Object> combo = (ComboBox<Object>) comboBox;
        assertThat(combo.getConverter().toString(combo.getValue())).isEqualTo(item);
    }

    private Profile profile(String id, String country, Integer age, String interests) {
        Profile profile = new Profile();
        profile.setExternalId(id);
        profile.setCountry(country);
        profile.setAge(age);
        profile.setInterests(interests.isEmpty() ? List.of() : List.of(interests.split("\\|")));
        return app.profiles().save(profile);
    }
}

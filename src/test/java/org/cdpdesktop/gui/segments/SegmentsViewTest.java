package org.cdpdesktop.gui.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.cdpdesktop.App;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.segment.SegmentSize;
import org.cdpdesktop.gui.DesktopApp;
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
        waitUntil(() -> robot.lookup("#segment-count").queryAs(Label.class).getText()
                .equals(expected + " matching profiles"));
        assertThat(expected).isEqualTo(3);
        assertThat(robot.lookup("#segment-rule-text").queryAs(TextArea.class).getText())
                .isEqualTo("country = \"US\" AND (age >= 65 OR interests contains \"travel\")");

        robot.clickOn("#segment-name").write("US seniors or travellers");
        robot.clickOn("#segment-save");

        @SuppressWarnings("unchecked")
        ListView<SegmentSize> list = robot.lookup("#segment-list").queryAs(ListView.class);
        waitUntil(() -> list.getItems().stream().anyMatch(size ->
                size.segment().name().equals("US seniors or travellers") && size.size() == expected));
    }

    @Test
    void editingTheRuleTextRebuildsTheBuilderAndReportsErrorsWithTheirPosition(FxRobot robot) {
        robot.clickOn("#nav-segments");
        robot.clickOn("#segment-new");
        TextArea text = robot.lookup("#segment-rule-text").queryAs(TextArea.class);
        robot.interact(text::clear);
        robot.clickOn(text).write("age >= ");

        waitUntil(() -> robot.lookup("#segment-rule-problem").queryAs(Label.class).getText()
                .equals("at position 8: expected a value after '>=', found the end of the rule"));

        robot.write("65 AND NOT country = \"CA\"");

        waitUntil(() -> robot.lookup("#segment-count").queryAs(Label.class).getText().equals("2 matching profiles"));
        assertThat(robot.lookup(".rule-group").queryAll()).hasSize(2);
        assertThat(robot.lookup(".rule-negate").nth(1).queryAs(CheckBox.class).isSelected()).isTrue();
    }

    @Test
    void pickingASavedSegmentOpensItInTheBuilder(FxRobot robot) {
        robot.clickOn("#nav-segments");
        var seniorCell = robot.lookup("#segment-list .list-cell").match(node -> node instanceof ListCell<?> cell
                && cell.getText() != null && cell.getText().startsWith("Senior"));
        waitUntil(() -> seniorCell.tryQuery().isPresent());

        robot.clickOn(seniorCell.<Node>query());

        waitUntil(() -> robot.lookup("#segment-name").queryAs(TextField.class).getText().equals("Senior"));
        assertThat(robot.lookup("#segment-rule-text").queryAs(TextArea.class).getText()).isEqualTo("age >= 65");
        assertThat(robot.lookup(".rule-value").nth(0).queryAs(ComboBox.class).getEditor().getText()).isEqualTo("65");
        waitUntil(() -> robot.lookup("#segment-count").queryAs(Label.class).getText().equals("3 matching profiles"));
    }

    @Test
    void exportingMembersWritesThemInTheProfileCsvLayoutToTheChosenFile(FxRobot robot) throws Exception {
        robot.clickOn("#nav-segments");
        robot.clickOn("#segment-new");
        robot.clickOn("#segment-name").write("Travellers");
        TextArea text = robot.lookup("#segment-rule-text").queryAs(TextArea.class);
        robot.interact(text::clear);
        robot.clickOn(text).write("interests contains \"travel\"");
        waitUntil(() -> robot.lookup("#segment-count").queryAs(Label.class).getText().equals("3 matching profiles"));

        robot.clickOn("#segment-export");

        waitUntil(() -> robot.lookup("#segment-status").queryAs(Label.class).getText().startsWith("Exported 3 members"));
        assertThat(suggestedNames).containsExactly("Travellers");
        List<String> lines = Files.readAllLines(chosenExport, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("externalId,email,phone,firstName,lastName,age,gender,city,state,country,postalCode,"
                + "income,education,interests,bio,signupDate,createdAt,updatedAt,cohorts");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("us-traveller", "ca-old-traveller", "us-old-traveller");
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

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Condition not met within 10 seconds", e);
        }
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

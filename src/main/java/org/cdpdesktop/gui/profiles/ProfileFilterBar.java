package org.cdpdesktop.gui.profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.FlowPane;
import javafx.util.Duration;
import org.cdpdesktop.core.store.ProfileBrowser;

/**
 * The search field and filter controls above the profiles table. It wraps onto more lines when the window is narrow;
 * any change becomes one new {@link ProfileFilter}, and a filter set elsewhere (the dashboard) shows in its controls.
 */
public final class ProfileFilterBar extends FlowPane {

    private static final Duration TYPING_PAUSE = Duration.millis(250);

    private final PauseTransition searchPause = new PauseTransition(TYPING_PAUSE);
    private ObjectProperty<ProfileFilter> filter;
    private boolean showingFilter;

    @FXML
    private TextField search;
    @FXML
    private ComboBox<String> country;
    @FXML
    private ComboBox<String> gender;
    @FXML
    private TextField ageMin;
    @FXML
    private TextField ageMax;
    @FXML
    private TextField incomeMin;
    @FXML
    private TextField incomeMax;
    @FXML
    private TextField interest;
    @FXML
    private ComboBox<String> cohort;
    @FXML
    private ComboBox<String> segment;
    @FXML
    private DatePicker signedUpFrom;
    @FXML
    private DatePicker signedUpTo;
    @FXML
    private ComboBox<String> importedFrom;

    public ProfileFilterBar() {
        FXMLLoader loader = new FXMLLoader(ProfileFilterBar.class.getResource("ProfileFilterBar.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the profile filter bar: " + e.getMessage(), e);
        }
    }

    /** Shows and edits {@code edited}; {@code choices} fills the drop-downs with what the store holds. */
    public void bind(ObjectProperty<ProfileFilter> edited, ObservableValue<ProfileBrowser.FilterChoices> choices) {
        this.filter = edited;
        searchPause.setOnFinished(event -> apply());
        for (TextField typed : List.of(search, interest, ageMin, ageMax, incomeMin, incomeMax)) {
            typed.textProperty().addListener((observable, old, text) -> {
                if (!showingFilter) {
                    searchPause.playFromStart();
                }
            });
            typed.setOnAction(event -> {
                searchPause.stop();
                apply();
            });
        }
        for (TextField number : List.of(ageMin, ageMax, incomeMin, incomeMax)) {
            number.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().matches("\\d{0,12}") ? change : null));
        }
        anyChoice(country, "Any country");
        anyChoice(gender, "Any gender");
        anyChoice(cohort, "Any cohort");
        anyChoice(segment, "Any segment");
        anyChoice(importedFrom, "Any import");
        for (ComboBox<String> choice : List.of(country, gender, cohort, segment, importedFrom)) {
            choice.valueProperty().addListener((observable, old, value) -> apply());
        }
        for (DatePicker date : List.of(signedUpFrom, signedUpTo)) {
            date.valueProperty().addListener((observable, old, value) -> apply());
        }
        edited.addListener((observable, old, now) -> show(now));
        show(edited.get());
        choices.addListener((observable, old, now) -> showChoices(now));
    }

    /** A choice whose empty value reads "Any …" in the list and on the button, so the user can go back to no filter. */
    private static void anyChoice(ComboBox<String> choice, String any) {
        choice.setPromptText(any);
        choice.getItems().setAll(Collections.singletonList(null));
        choice.setCellFactory(list -> new AnyCell(any));
        choice.setButtonCell(new AnyCell(any));
    }

    private static final class AnyCell extends ListCell<String> {
        private final String any;

        AnyCell(String any) {
            this.any = any;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? any : item);
        }
    }

    /** Reads the whole bar into one filter, so a change of any control is one new listing. */
    private void apply() {
        if (showingFilter) {
            return;
        }
        filter.set(new ProfileFilter(search.getText(), country.getValue(), gender.getValue(),
                integer(ageMin), integer(ageMax), decimal(incomeMin), decimal(incomeMax), cohort.getValue(), segment.getValue(),
                interest.getText(), signedUpFrom.getValue(), signedUpTo.getValue(), importedFrom.getValue()));
    }

    private static Integer integer(TextField field) {
        String text = field.getText();
        return text == null || text.isBlank() ? null : Integer.valueOf(text.length() > 9 ? text.substring(0, 9) : text);
    }

    private static BigDecimal decimal(TextField field) {
        String text = field.getText();
        return text == null || text.isBlank() ? null : new BigDecimal(text);
    }

    /** Puts a filter set elsewhere (the dashboard, "Clear filters") into the controls without re-applying it. */
    private void show(ProfileFilter shown) {
        showingFilter = true;
        try {
            searchPause.stop();
            search.setText(text(shown.search()));
            showChoice(country, shown.country());
            showChoice(gender, shown.gender());
            ageMin.setText(text(shown.ageMin()));
            ageMax.setText(text(shown.ageMax()));
            incomeMin.setText(shown.incomeMin() == null ? "" : shown.incomeMin().toPlainString());
            incomeMax.setText(shown.incomeMax() == null ? "" : shown.incomeMax().toPlainString());
            interest.setText(text(shown.interest()));
            showChoice(cohort, shown.cohort());
            showChoice(segment, shown.segment());
            signedUpFrom.setValue(shown.signedUpFrom());
            signedUpTo.setValue(shown.signedUpTo());
            showChoice(importedFrom, shown.importedFrom());
        } finally {
            showingFilter = false;
        }
    }

    /** Shows a value even before the store's choices have loaded, e.g. a country asked for by the dashboard. */
    private static void showChoice(ComboBox<String> choice, String value) {
        if (value != null && !choice.getItems().contains(value)) {
            choice.getItems().add(value);
        }
        choice.setValue(value);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private void showChoices(ProfileBrowser.FilterChoices choices) {
        showingFilter = true;
        try {
            offer(country, choices.countries());
            offer(gender, choices.genders());
            offer(cohort, choices.cohorts());
            offer(segment, choices.segments());
            offer(importedFrom, choices.importFiles());
        } finally {
            showingFilter = false;
        }
    }

    private static void offer(ComboBox<String> choice, List<String> values) {
        String selected = choice.getValue();
        List<String> items = new ArrayList<>();
        items.add(null);
        items.addAll(values);
        if (selected != null && !values.contains(selected)) {
            items.add(selected);
        }
        choice.getItems().setAll(items);
        choice.setValue(selected);
    }
}

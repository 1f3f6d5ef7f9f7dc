package org.cdpdesktop.gui.profiles;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.store.ProfileDetail;
import org.cdpdesktop.core.store.ProfileEditor;
import org.cdpdesktop.gui.FadingMessage;
import org.cdpdesktop.gui.Formats;

/**
 * The selected profile, read-only or in edit mode. What it shows is a list of titled sections ({@link #sections});
 * a new kind of fact about a profile is one more section there.
 */
public final class ProfileDetailPane extends VBox {

    private final Map<ProfileField, TextField> editors = new EnumMap<>(ProfileField.class);
    private final Map<ProfileField, Label> errorLabels = new EnumMap<>(ProfileField.class);
    private final Label notice = new Label();
    private final Label message = new Label();
    private final VBox content = new VBox(10);
    private ProfileDetailViewModel viewModel;

    public ProfileDetailPane() {
        super(10);
        setId("profile-detail");
        getStyleClass().add("profile-detail");
        setPadding(new Insets(12));
        notice.setId("detail-notice");
        notice.getStyleClass().add("status-text");
        message.setId("detail-message");
        message.getStyleClass().add("error-text");
        for (Label status : List.of(notice, message)) {
            status.setWrapText(true);
            status.visibleProperty().bind(status.textProperty().isNotEmpty());
            status.managedProperty().bind(status.visibleProperty());
        }
        getChildren().setAll(notice, message, content);
    }

    public void bind(ProfileDetailViewModel model) {
        this.viewModel = model;
        notice.textProperty().bind(model.noticeProperty());
        message.textProperty().bind(model.messageProperty());
        FadingMessage.fadeAfterAWhile(notice, model::clearNotice);
        // An invalidation listener: a re-read profile equals the shown one (profiles compare by id), yet its values changed.
        model.detailProperty().addListener(observable -> show(model.detailProperty().get()));
        model.editingProperty().addListener((observable, old, editing) -> show(model.detailProperty().get()));
        model.fieldErrors().addListener((MapChangeListener<ProfileField, String>) change -> showFieldErrors());
        show(model.detailProperty().get());
    }

    private void show(ProfileDetail detail) {
        editors.clear();
        errorLabels.clear();
        if (detail == null) {
            Label hint = new Label("Select a profile in the table to see everything about it, edit it or delete it.");
            hint.getStyleClass().add("empty-state-text");
            hint.setWrapText(true);
            content.getChildren().setAll(hint);
            return;
        }
        if (viewModel.editingProperty().get()) {
            content.getChildren().setAll(header(detail.profile(), true), editForm(detail.profile()));
            showFieldErrors();
            return;
        }
        List<Node> shown = new ArrayList<>();
        shown.add(header(detail.profile(), false));
        shown.addAll(sections(detail));
        content.getChildren().setAll(shown);
    }

    /** The read-only sections, in the order they are shown. */
    private List<Node> sections(ProfileDetail detail) {
        Profile profile = detail.profile();
        return List.of(
                fieldGrid(profile),
                section("Interests", chips(profile.getInterests(), "detail-interests")),
                section("Custom attributes", attributes(profile.getAttributes())),
                section("Cohorts", lines(detail.cohorts().stream().map(ProfileDetailPane::describeCohort).toList(),
                        "No cohort yet.", "detail-cohorts")),
                section("Predicted cohort and why", viewModel.cohortExplanation().paneFor(profile.getId())),
                section("Segments", chips(detail.segments(), "detail-segments")),
                section("Import history", lines(detail.imports().stream()
                        .map(event -> event.action() + " by " + event.fileName() + " (" + event.source() + ", batch " + event.batchId()
                                + ") on " + Formats.instant(event.at()))
                        .toList(), "Not touched by any import.", "detail-imports")));
    }

    /** The name on a line of its own (it wraps between words), the actions below it. */
    private Node header(Profile profile, boolean editing) {
        Label name = new Label(profile.displayName());
        name.setId("detail-name");
        name.getStyleClass().add("section-title");
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        HBox actions = new HBox(8);
        actions.setAlignment(Pos.CENTER_LEFT);
        if (editing) {
            Button save = new Button("Save");
            save.setId("detail-save");
            save.getStyleClass().add("accent");
            save.setDefaultButton(true);
            save.setOnAction(event -> viewModel.saveEdits(typedValues(profile)));
            Button cancel = new Button("Cancel");
            cancel.setId("detail-cancel");
            cancel.setCancelButton(true);
            cancel.setOnAction(event -> viewModel.cancelEditing());
            actions.getChildren().addAll(save, cancel);
        } else {
            Button edit = new Button("Edit");
            edit.setId("detail-edit");
            edit.setOnAction(event -> viewModel.startEditing());
            Button delete = new Button("Delete…");
            delete.setId("detail-delete");
            delete.getStyleClass().add("danger");
            delete.setOnAction(event -> viewModel.deleteShown());
            actions.getChildren().addAll(edit, delete);
        }
        actions.getChildren().forEach(button -> ((Region) button).setMinWidth(Region.USE_PREF_SIZE));
        return new VBox(6, name, actions);
    }

    /** One text field per editable field, with room under each for the reason it was refused. */
    private GridPane editForm(Profile profile) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(2);
        grid.setId("detail-edit-form");
        int row = 0;
        for (ProfileField field : ProfileEditor.EDITABLE) {
            TextField editor = new TextField(editableText(profile, field));
            editor.setId("edit-" + field.key());
            GridPane.setHgrow(editor, Priority.ALWAYS);
            Label error = new Label();
            error.setId("error-" + field.key());
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.setVisible(false);
            error.setManaged(false);
            editors.put(field, editor);
            errorLabels.put(field, error);
            grid.add(fieldLabel(field.label()), 0, row);
            grid.add(editor, 1, row++);
            grid.add(error, 1, row++);
        }
        return grid;
    }

    /** Edits show the stored value, not the formatted one, so saving an untouched field changes nothing. */
    private static String editableText(Profile profile, ProfileField field) {
        if (field == ProfileField.INTERESTS) {
            return String.join(", ", profile.getInterests());
        }
        String stored = profile.get(field);
        return stored == null ? "" : stored;
    }

    /** Only the fields the person changed are sent, so an untouched odd value from an import is not re-judged. */
    private Map<ProfileField, String> typedValues(Profile profile) {
        Map<ProfileField, String> changed = new EnumMap<>(ProfileField.class);
        editors.forEach((field, editor) -> {
            if (!editor.getText().equals(editableText(profile, field))) {
                changed.put(field, editor.getText());
            }
        });
        return changed;
    }

    private void showFieldErrors() {
        errorLabels.forEach((field, label) -> {
            String error = viewModel.fieldErrors().get(field);
            label.setText(error == null ? "" : error);
            label.setVisible(error != null);
            label.setManaged(error != null);
            TextField editor = editors.get(field);
            editor.getStyleClass().remove("invalid");
            if (error != null) {
                editor.getStyleClass().add("invalid");
            }
        });
    }

    private static GridPane fieldGrid(Profile profile) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setId("detail-fields");
        int row = 0;
        grid.addRow(row++, fieldLabel("Profile id"), fieldValue(String.valueOf(profile.getId())));
        for (ProfileField field : ProfileField.values()) {
            if (field == ProfileField.INTERESTS) {
                continue;
            }
            Label value = fieldValue(Formats.field(field, profile.get(field)));
            value.setId("detail-" + field.key());
            grid.addRow(row++, fieldLabel(field.label()), value);
        }
        return grid;
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().add("stat-label");
        return label;
    }

    private static Label fieldValue(String text) {
        Label value = new Label(text == null ? "—" : text);
        value.setWrapText(true);
        return value;
    }

    private static VBox section(String title, Node body) {
        Label heading = new Label(title);
        heading.getStyleClass().add("detail-heading");
        return new VBox(4, heading, body);
    }

    private static Node chips(List<String> values, String id) {
        FlowPane chips = new FlowPane(6, 6);
        chips.setId(id);
        if (values.isEmpty()) {
            Label none = new Label("None");
            none.getStyleClass().add("empty-state-text");
            chips.getChildren().add(none);
        }
        for (String value : values) {
            Label chip = new Label(value);
            chip.getStyleClass().add("chip");
            chips.getChildren().add(chip);
        }
        return chips;
    }

    private static Node attributes(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            Label none = new Label("None");
            none.getStyleClass().add("empty-state-text");
            return none;
        }
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setId("detail-attributes");
        int row = 0;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            grid.addRow(row++, fieldLabel(attribute.getKey()), fieldValue(attribute.getValue()));
        }
        return grid;
    }

    private static Node lines(List<String> lines, String whenEmpty, String id) {
        VBox box = new VBox(2);
        box.setId(id);
        if (lines.isEmpty()) {
            Label none = new Label(whenEmpty);
            none.getStyleClass().add("empty-state-text");
            box.getChildren().add(none);
        }
        for (String line : lines) {
            Label label = new Label(line);
            label.setWrapText(true);
            box.getChildren().add(label);
        }
        return box;
    }

    private static String describeCohort(ProfileDetail.CohortAssignment cohort) {
        StringBuilder text = new StringBuilder(cohort.cohort());
        if (cohort.confidence() != null) {
            text.append(String.format(" — %.0f%% confidence", cohort.confidence() * 100));
        }
        if (cohort.modelVersion() != null) {
            text.append(", model ").append(cohort.modelVersion());
        } else {
            text.append(" (from ").append(cohort.source()).append(')');
        }
        return text.toString();
    }
}

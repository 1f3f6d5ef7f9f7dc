package org.cdpdesktop.gui.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.ColumnTarget;
import org.cdpdesktop.core.ingest.CsvPreview;
import org.cdpdesktop.core.ingest.MappingPresets;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The wizard's second step, "Columns": where each column of the file goes, proposed automatically, checked as the
 * import will check it, and saved or loaded as a preset.
 */
public final class ColumnMappingStep {

    private final MappingPresets presets;
    private final TaskExecutor executor;

    private final ObservableList<MappingRow> mappingRows = FXCollections.observableArrayList(
            row -> new Observable[] {row.targetProperty(), row.attributeNameProperty()});
    private final StringProperty mappingProblem = new SimpleStringProperty("");
    private final StringProperty mappingNote = new SimpleStringProperty("");
    private final ObservableList<String> presetNames = FXCollections.observableArrayList();
    private final StringProperty presetMessage = new SimpleStringProperty("");

    ColumnMappingStep(MappingPresets presets, TaskExecutor executor) {
        this.presets = presets;
        this.executor = executor;
        mappingRows.addListener((Observable changed) -> checkMapping());
    }

    /** Follows the file's columns as the format step reads them. */
    void show(CsvPreview preview) {
        if (!preview.headers().equals(mappingRows.stream().map(MappingRow::column).toList())) {
            rebuildMapping(preview);
        }
    }

    /** One mapping row per column, automatically mapped; a column the user already mapped keeps the user's choice. */
    private void rebuildMapping(CsvPreview preview) {
        Map<String, MappingRow> earlier = mappingRows.stream()
                .collect(Collectors.toMap(MappingRow::column, row -> row, (first, second) -> first));
        ColumnMapping auto = ColumnMapping.auto(preview.headers());
        List<MappingRow> rows = new ArrayList<>();
        for (int index = 0; index < preview.headers().size(); index++) {
            String column = preview.headers().get(index);
            MappingRow row = new MappingRow(column, sample(preview.rows(), index));
            MappingRow previous = earlier.get(column);
            if (previous != null) {
                row.targetProperty().set(previous.targetProperty().get());
                row.attributeNameProperty().set(previous.attributeNameProperty().get());
                row.formatProperty().set(previous.formatProperty().get());
            } else {
                row.show(auto.targets().getOrDefault(column, ColumnTarget.attribute(column)), column.equals(auto.cohortColumn()));
            }
            rows.add(row);
        }
        mappingRows.setAll(rows);
    }

    private static String sample(List<List<String>> rows, int column) {
        return rows.stream()
                .filter(row -> column < row.size() && row.get(column) != null && !row.get(column).isBlank())
                .map(row -> row.get(column))
                .findFirst()
                .orElse("");
    }

    private void checkMapping() {
        List<String> cohortColumns = mappingRows.stream()
                .filter(row -> row.targetProperty().get() == TargetChoice.COHORT).map(MappingRow::column).toList();
        if (cohortColumns.size() > 1) {
            mappingProblem.set("Only one column can hold cohorts, not " + String.join(", ", cohortColumns) + ".");
        } else {
            mappingProblem.set(validationProblem());
        }
        ColumnMapping current = mapping();
        boolean identified = current.columnFor(ProfileField.EXTERNAL_ID) != null || current.columnFor(ProfileField.EMAIL) != null;
        mappingNote.set(identified || mappingRows.isEmpty() ? ""
                : "No column is mapped to External ID or Email: every row becomes a new customer with a generated id.");
    }

    /** The import's own check of the mapping, so the wizard refuses exactly what the import would. */
    private String validationProblem() {
        try {
            mapping().validate();
            return "";
        } catch (IllegalArgumentException problem) {
            return problem.getMessage() + ".";
        }
    }

    /** The mapping as the user left it, in file order. */
    public ColumnMapping mapping() {
        LinkedHashMap<String, ColumnTarget> targets = new LinkedHashMap<>();
        String cohortColumn = null;
        for (MappingRow row : mappingRows) {
            targets.put(row.column(), row.toTarget());
            if (row.targetProperty().get() == TargetChoice.COHORT && cohortColumn == null) {
                cohortColumn = row.column();
            }
        }
        return new ColumnMapping(targets, cohortColumn);
    }

    /** Shows a saved mapping on this file's columns; columns the preset doesn't name keep their current choice. */
    void applyMapping(String name, ColumnMapping preset) {
        int applied = 0;
        for (MappingRow row : mappingRows) {
            boolean cohort = row.column().equals(preset.cohortColumn());
            ColumnTarget target = preset.targets().get(row.column());
            if (cohort || target != null) {
                row.show(cohort ? ColumnTarget.skip() : target, cohort);
                applied++;
            }
        }
        List<String> columns = mappingRows.stream().map(MappingRow::column).toList();
        long missing = preset.targets().keySet().stream().filter(column -> !columns.contains(column)).count();
        presetMessage.set(String.format("Preset “%s” applied to %d of %d columns%s.", name, applied, mappingRows.size(),
                missing == 0 ? "" : "; " + missing + " of its columns are not in this file"));
    }

    void refreshPresets() {
        BackgroundTask.wrap(() -> presets.names())
                .onSuccess(presetNames::setAll)
                .onFailure(problem -> presetMessage.set("Cannot list the presets: " + ErrorDialog.describe(problem)))
                .executeWith(executor);
    }

    public void savePreset(String name) {
        if (name == null || name.isBlank()) {
            presetMessage.set("Type a name for the preset first.");
            return;
        }
        String trimmed = name.trim();
        ColumnMapping mapping = mapping();
        BackgroundTask.wrap(() -> {
                    presets.save(trimmed, mapping);
                    return presets.names();
                })
                .onSuccess(names -> {
                    presetNames.setAll(names);
                    presetMessage.set("Saved the mapping as preset “" + trimmed + "”.");
                })
                .onFailure(problem -> presetMessage.set("Cannot save the preset: " + ErrorDialog.describe(problem)))
                .executeWith(executor);
    }

    public void loadPreset(String name) {
        if (name == null || name.isBlank()) {
            presetMessage.set("Choose a preset to load.");
            return;
        }
        String trimmed = name.trim();
        BackgroundTask.wrap(() -> presets.load(trimmed))
                .onSuccess(preset -> applyMapping(trimmed, preset))
                .onFailure(problem -> presetMessage.set("Cannot load the preset: " + ErrorDialog.describe(problem)))
                .executeWith(executor);
    }

    public ObservableList<MappingRow> mappingRows() {
        return mappingRows;
    }

    public ReadOnlyStringProperty mappingProblemProperty() {
        return mappingProblem;
    }

    public ReadOnlyStringProperty mappingNoteProperty() {
        return mappingNote;
    }

    public ObservableList<String> presetNames() {
        return presetNames;
    }

    public ReadOnlyStringProperty presetMessageProperty() {
        return presetMessage;
    }
}

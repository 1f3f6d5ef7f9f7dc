package org.cdpdesktop.gui.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.cdpdesktop.core.ingest.CsvDialect;
import org.cdpdesktop.core.ingest.FileFormat;
import org.cdpdesktop.core.ingest.FilePreview;
import org.cdpdesktop.core.ingest.ImportFiles;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The wizard's first step, "File and format": what the file was detected to be by its content, the options that
 * format has (a CSV file's dialect; a workbook's sheet and header row; none for JSON), and a live preview of the
 * first rows as the import will read them. A file that is none of the importable formats is refused here, with the
 * reason, and the wizard goes no further.
 */
public final class FileFormatStep {

    static final int PREVIEW_ROWS = 20;
    public static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16,
            StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("windows-1252"), StandardCharsets.ISO_8859_1);
    public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');
    public static final List<Character> QUOTES = List.of('"', '\'');
    /** Escape characters offered; the first, {@code null}, means quotes are escaped by doubling them. */
    public static final List<Character> ESCAPES = Arrays.asList(null, '\\');
    /** The highest header row offered: the last row an .xlsx sheet can have. */
    public static final int MAX_HEADER_ROW = 1_048_576;

    private final Path file;
    private final TaskExecutor executor;
    private final Consumer<FilePreview> onPreview;

    private final ObjectProperty<FileFormat> fileFormat = new SimpleObjectProperty<>();
    private final ObjectProperty<Charset> encoding = new SimpleObjectProperty<>();
    private final ObjectProperty<Character> delimiter = new SimpleObjectProperty<>(',');
    private final ObjectProperty<Character> quote = new SimpleObjectProperty<>('"');
    private final ObjectProperty<Character> escape = new SimpleObjectProperty<>();
    private final BooleanProperty header = new SimpleBooleanProperty(true);
    private final IntegerProperty skipRows = new SimpleIntegerProperty(0);
    private final ObservableList<ImportFiles.SheetInfo> sheets = FXCollections.observableArrayList();
    private final StringProperty sheet = new SimpleStringProperty();
    private final IntegerProperty headerRow = new SimpleIntegerProperty(0);
    private final StringProperty detected = new SimpleStringProperty("Detecting the file's format…");
    private CsvDialect detectedDialect;
    private boolean applyingDetected;

    private final ObservableList<String> previewHeaders = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ObservableList<String> previewProblems = FXCollections.observableArrayList();
    private final BooleanProperty previewLoading = new SimpleBooleanProperty(true);
    private final StringProperty previewError = new SimpleStringProperty("");
    private Task<FilePreview> previewTask;

    /** @param onPreview called with each preview shown, so the columns step can follow the file's columns */
    FileFormatStep(Path file, TaskExecutor executor, Consumer<FilePreview> onPreview) {
        this.file = file;
        this.executor = executor;
        this.onPreview = onPreview;
        // A header row belongs to its sheet: another sheet starts from its own first non-empty row. Added before the
        // preview's listener, so the new sheet is read once, with the reset header row.
        sheet.addListener((observable, old, now) -> {
            if (!applyingDetected) {
                applyingDetected = true;
                try {
                    headerRow.set(0);
                } finally {
                    applyingDetected = false;
                }
            }
        });
        // Change listeners, not invalidation ones: an option set while applying the detected format is never read
        // before the user changes it, and an invalidation listener would miss that change.
        for (ObservableValue<?> option : List.of(encoding, delimiter, quote, escape, header, skipRows, sheet, headerRow)) {
            option.addListener((observable, old, now) -> {
                if (!applyingDetected) {
                    refreshPreview();
                }
            });
        }
    }

    /** Whether the preview has read the file with the chosen options, so the wizard can move on. */
    boolean complete() {
        return fileFormat.get() != null && !previewLoading.get() && previewError.get().isEmpty() && !previewHeaders.isEmpty();
    }

    /** Detects the file's format by its content and previews it with what was detected; call once, when the wizard opens. */
    void start() {
        BackgroundTask.wrap(() -> ImportFiles.preview(file, null, null, 0, PREVIEW_ROWS))
                .onSuccess(this::applyDetected)
                .onFailure(problem -> {
                    previewLoading.set(false);
                    detected.set("");
                    previewError.set("Cannot read " + file.getFileName() + ": " + ErrorDialog.describe(problem));
                })
                .executeWith(executor);
    }

    private void applyDetected(FilePreview preview) {
        if (preview.format() == null) {
            detected.set(preview.describe());
            previewLoading.set(false);
            previewError.set(sentences(preview.problems()) + " Nothing was imported.");
            return;
        }
        applyingDetected = true;
        try {
            fileFormat.set(preview.format());
            if (preview.format() == FileFormat.CSV) {
                CsvDialect dialect = preview.dialect();
                detectedDialect = dialect;
                encoding.set(dialect.encoding());
                delimiter.set(dialect.delimiter());
                quote.set(dialect.quote());
                escape.set(dialect.escape());
                header.set(dialect.header());
                skipRows.set(dialect.skipRows());
            } else if (preview.format().isWorkbook()) {
                sheets.setAll(preview.sheets());
                sheet.set(preview.sheet());
            }
        } finally {
            applyingDetected = false;
        }
        detected.set(preview.format() == FileFormat.CSV ? "Detected: CSV (" + describe(preview.dialect()) + ")" : preview.describe());
        showPreview(preview);
    }

    static String describe(CsvDialect dialect) {
        String encodingName = dialect.encoding().displayName() + (dialect.bom() ? " with byte-order mark" : "");
        String rows = dialect.header() ? "header row" : "no header row";
        String skipped = dialect.skipRows() > 0 ? ", " + dialect.skipRows() + " leading rows skipped" : "";
        return encodingName + ", " + CsvDialect.describeDelimiter(dialect.delimiter()) + "-separated, " + rows + skipped;
    }

    /**
     * The CSV dialect as the options now stand, {@code null} for a file of another format; the byte-order mark is
     * kept only while the detected encoding is.
     */
    public CsvDialect dialect() {
        if (fileFormat.get() != FileFormat.CSV) {
            return null;
        }
        boolean bom = detectedDialect != null && detectedDialect.bom() && detectedDialect.encoding().equals(encoding.get());
        return new CsvDialect(encoding.get(), bom, delimiter.get(), quote.get(), escape.get(), header.get(), skipRows.get());
    }

    private void refreshPreview() {
        FileFormat current = fileFormat.get();
        if (current == null) {
            return;
        }
        Callable<FilePreview> read;
        if (current == FileFormat.CSV) {
            if (encoding.get() == null || delimiter.get() == null || quote.get() == null) {
                return;
            }
            CsvDialect dialect;
            try {
                dialect = dialect();
            } catch (IllegalArgumentException impossible) {
                cancelPreview();
                previewLoading.set(false);
                previewError.set(impossible.getMessage() + ".");
                return;
            }
            read = () -> ImportFiles.preview(file, dialect, null, 0, PREVIEW_ROWS);
        } else {
            String chosenSheet = sheet.get();
            int chosenHeaderRow = headerRow.get();
            read = () -> ImportFiles.preview(file, null, chosenSheet, chosenHeaderRow, PREVIEW_ROWS);
        }
        cancelPreview();
        previewLoading.set(true);
        previewTask = BackgroundTask.wrap(read)
                .onSuccess(this::showPreview)
                .onFailure(problem -> {
                    previewLoading.set(false);
                    previewHeaders.clear();
                    previewRows.clear();
                    previewProblems.clear();
                    previewError.set("Cannot preview " + file.getFileName() + " with these options: " + ErrorDialog.describe(problem));
                })
                .executeWith(executor);
    }

    private void cancelPreview() {
        if (previewTask != null) {
            previewTask.cancel(false);  // its result would describe options no longer chosen
        }
    }

    /** A preview without columns cannot be imported: its problems, or the file's emptiness, become the step's error. */
    private void showPreview(FilePreview preview) {
        previewLoading.set(false);
        boolean empty = preview.headers().isEmpty();
        previewError.set(!empty ? "" : preview.problems().isEmpty() ? file.getFileName() + " has no columns to import: it is empty."
                : sentences(preview.problems()));
        previewHeaders.setAll(preview.headers());
        previewRows.setAll(preview.rows());
        previewProblems.setAll(empty ? List.of() : preview.problems());
        onPreview.accept(preview);
    }

    private static String sentences(List<String> problems) {
        return String.join(" ", problems.stream().map(problem -> problem.endsWith(".") ? problem : problem + ".").toList());
    }

    /** What the file was detected to be; {@code null} while detecting, and for a refused file. */
    public ReadOnlyObjectProperty<FileFormat> fileFormatProperty() {
        return fileFormat;
    }

    public ObjectProperty<Charset> encodingProperty() {
        return encoding;
    }

    public ObjectProperty<Character> delimiterProperty() {
        return delimiter;
    }

    public ObjectProperty<Character> quoteProperty() {
        return quote;
    }

    public ObjectProperty<Character> escapeProperty() {
        return escape;
    }

    public BooleanProperty headerProperty() {
        return header;
    }

    public IntegerProperty skipRowsProperty() {
        return skipRows;
    }

    /** A workbook's sheets in order, each saying whether it is empty; empty for other formats. */
    public ObservableList<ImportFiles.SheetInfo> sheets() {
        return sheets;
    }

    /** The workbook sheet to import, by name; detected as the first non-empty one. */
    public StringProperty sheetProperty() {
        return sheet;
    }

    /** The workbook row (from 1) with the column names; 0 = the sheet's first non-empty row. */
    public IntegerProperty headerRowProperty() {
        return headerRow;
    }

    public ReadOnlyStringProperty detectedProperty() {
        return detected;
    }

    public ObservableList<String> previewHeaders() {
        return previewHeaders;
    }

    public ObservableList<List<String>> previewRows() {
        return previewRows;
    }

    public ObservableList<String> previewProblems() {
        return previewProblems;
    }

    public ReadOnlyBooleanProperty previewLoadingProperty() {
        return previewLoading;
    }

    public ReadOnlyStringProperty previewErrorProperty() {
        return previewError;
    }
}

package org.cdpdesktop.gui.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.cdpdesktop.core.ingest.CsvDialect;
import org.cdpdesktop.core.ingest.CsvPreview;
import org.cdpdesktop.core.ingest.CsvPreviewer;
import org.cdpdesktop.core.ingest.CsvSniffer;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.task.BackgroundTask;
import org.cdpdesktop.gui.task.TaskExecutor;

/**
 * The wizard's first step, "File and format": the detected dialect, the user's overrides of it, and a live preview
 * of the first rows as the import will read them.
 */
public final class FileFormatStep {

    static final int PREVIEW_ROWS = 20;
    public static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16,
            StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("windows-1252"), StandardCharsets.ISO_8859_1);
    public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');
    public static final List<Character> QUOTES = List.of('"', '\'');
    /** Escape characters offered; the first, {@code null}, means quotes are escaped by doubling them. */
    public static final List<Character> ESCAPES = Arrays.asList(null, '\\');

    private final Path file;
    private final TaskExecutor executor;
    private final Consumer<CsvPreview> onPreview;

    private final ObjectProperty<Charset> encoding = new SimpleObjectProperty<>();
    private final ObjectProperty<Character> delimiter = new SimpleObjectProperty<>(',');
    private final ObjectProperty<Character> quote = new SimpleObjectProperty<>('"');
    private final ObjectProperty<Character> escape = new SimpleObjectProperty<>();
    private final BooleanProperty header = new SimpleBooleanProperty(true);
    private final IntegerProperty skipRows = new SimpleIntegerProperty(0);
    private final StringProperty detected = new SimpleStringProperty("Detecting the file's format…");
    private CsvDialect detectedDialect;
    private boolean applyingDetected;

    private final ObservableList<String> previewHeaders = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ObservableList<String> previewProblems = FXCollections.observableArrayList();
    private final BooleanProperty previewLoading = new SimpleBooleanProperty(true);
    private final StringProperty previewError = new SimpleStringProperty("");
    private Task<CsvPreview> previewTask;

    /** @param onPreview called with each preview shown, so the columns step can follow the file's columns */
    FileFormatStep(Path file, TaskExecutor executor, Consumer<CsvPreview> onPreview) {
        this.file = file;
        this.executor = executor;
        this.onPreview = onPreview;
        for (Observable option : List.of(encoding, delimiter, quote, escape, header, skipRows)) {
            option.addListener(changed -> {
                if (!applyingDetected) {
                    refreshPreview();
                }
            });
        }
    }

    /** Whether the preview has read the file with the chosen options, so the wizard can move on. */
    boolean complete() {
        return !previewLoading.get() && previewError.get().isEmpty() && !previewHeaders.isEmpty();
    }

    /** Detects the file's format, then previews it; call once, when the wizard opens. */
    void start() {
        BackgroundTask.wrap(() -> CsvSniffer.sniff(file))
                .onSuccess(this::applyDetected)
                .onFailure(problem -> {
                    previewLoading.set(false);
                    detected.set("");
                    previewError.set("Cannot read " + file.getFileName() + ": " + ErrorDialog.describe(problem));
                })
                .executeWith(executor);
    }

    private void applyDetected(CsvDialect dialect) {
        detectedDialect = dialect;
        applyingDetected = true;
        try {
            encoding.set(dialect.encoding());
            delimiter.set(dialect.delimiter());
            quote.set(dialect.quote());
            escape.set(dialect.escape());
            header.set(dialect.header());
            skipRows.set(dialect.skipRows());
        } finally {
            applyingDetected = false;
        }
        detected.set("Detected: " + describe(dialect));
        refreshPreview();
    }

    static String describe(CsvDialect dialect) {
        String encodingName = dialect.encoding().displayName() + (dialect.bom() ? " with byte-order mark" : "");
        String rows = dialect.header() ? "header row" : "no header row";
        String skipped = dialect.skipRows() > 0 ? ", " + dialect.skipRows() + " leading rows skipped" : "";
        return encodingName + ", " + CsvDialect.describeDelimiter(dialect.delimiter()) + "-separated, " + rows + skipped;
    }

    /** The dialect as the options now stand; the byte-order mark is kept only while the detected encoding is. */
    public CsvDialect dialect() {
        boolean bom = detectedDialect != null && detectedDialect.bom() && detectedDialect.encoding().equals(encoding.get());
        return new CsvDialect(encoding.get(), bom, delimiter.get(), quote.get(), escape.get(), header.get(), skipRows.get());
    }

    private void refreshPreview() {
        if (encoding.get() == null || delimiter.get() == null || quote.get() == null) {
            return;
        }
        if (previewTask != null) {
            previewTask.cancel(false);  // its result would describe options no longer chosen
        }
        CsvDialect dialect;
        try {
            dialect = dialect();
        } catch (IllegalArgumentException impossible) {
            previewLoading.set(false);
            previewError.set(impossible.getMessage() + ".");
            return;
        }
        previewLoading.set(true);
        previewTask = BackgroundTask.wrap(() -> CsvPreviewer.preview(file, dialect, PREVIEW_ROWS))
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

    private void showPreview(CsvPreview preview) {
        previewLoading.set(false);
        previewError.set(preview.headers().isEmpty() ? file.getFileName() + " has no columns to import: it is empty." : "");
        previewHeaders.setAll(preview.headers());
        previewRows.setAll(preview.rows());
        previewProblems.setAll(preview.problems());
        onPreview.accept(preview);
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

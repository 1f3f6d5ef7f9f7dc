package org.cdpdesktop.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.ColumnCleaning;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.CsvDialect;
import org.cdpdesktop.core.ingest.FileFormat;
import org.cdpdesktop.core.ingest.FilePreview;
import org.cdpdesktop.core.ingest.ImportException;
import org.cdpdesktop.core.ingest.ImportFiles;
import org.cdpdesktop.core.ingest.CsvSniffer;
import org.cdpdesktop.core.ingest.DuplicatePolicy;
import org.cdpdesktop.core.ingest.ImportOptions;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.model.BatchPrediction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import customer files: CSV, Excel (.xlsx, .xls), JSON (an array of objects or one object) or JSON Lines.",
            "The format is detected from the content, whatever the file's name; for CSV the dialect (encoding, delimiter, quotes, "
                    + "header) too. Columns are mapped as the import wizard maps them by default, unless --preset or --map say "
                    + "otherwise. Each file is its own transaction: a file that fails changes nothing. Prints one JSON line with "
                    + "read, inserted, updated, duplicates, rejected, rejectsFile, format and cleaning (per column, values "
                    + "normalised and values kept aside as invalid_*; several files: the totals and a \"files\" list). With --predict, "
                    + "each file's \"prediction\": the active model's cohorts for the profiles it inserted or updated."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import, in order.")
    private List<Path> files;

    @Option(names = "--preset", paramLabel = "NAME", description = "Use the column mapping saved under NAME (see 'preset').")
    private String preset;

    @Option(names = "--map", paramLabel = "SOURCE=FIELD",
            description = "Map a column: to a field key (email, postalCode, signupDate@dd/MM/yyyy...), skip, attribute, attribute:NAME or cohort.")
    private List<String> maps = new ArrayList<>();

    @Option(names = "--delimiter", paramLabel = "C", description = "Delimiter: , ; | tab (default: detected).")
    private String delimiter;

    @Option(names = "--encoding", paramLabel = "E", description = "Encoding, e.g. UTF-8, UTF-16, windows-1252, ISO-8859-1 (default: detected).")
    private String encoding;

    @Option(names = "--sheet", paramLabel = "NAME|N", description = "A workbook's sheet, by name or number from 1 (default: the first non-empty sheet).")
    private String sheet;

    @Option(names = "--header-row", paramLabel = "N", defaultValue = "0",
            description = "The workbook row (from 1) holding the column names (default: the sheet's first non-empty row).")
    private int headerRow;

    @Option(names = "--on-duplicate", paramLabel = "POLICY", defaultValue = "newest",
            description = "How a row merges into a profile with the same external id or email: newest|existing|fill (default: ${DEFAULT-VALUE}).")
    private String onDuplicate;

    @Option(names = "--dry-run", description = "Do everything but keep the result: counts and rejects file only.")
    private boolean dryRun;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Write rejected rows here (default: a new file in the data folder's rejects/).")
    private Path rejects;

    @Option(names = "--predict",
            description = "After each file's import, predict the cohorts of the profiles it inserted or updated with the active model, as a job of its own.")
    private boolean predict;

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (preset != null && !maps.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Use either --preset or --map, not both");
        }
        if (rejects != null && files.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rejects names one file; import several files without it");
        }
        DuplicatePolicy policy = DuplicatePolicy.fromWord(onDuplicate);
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("No such file: " + file);
            }
        }
        App app = root.app();
        if (predict && !app.cohortModels().hasActiveModel()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--predict needs an active cohort model; train one or activate one first ('models list')");
        }
        ColumnMapping presetMapping = preset == null ? null : app.presets().load(preset);
        List<Map<String, Object>> summaries = new ArrayList<>();
        if (headerRow < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--header-row counts rows from 1");
        }
        for (Path file : files) {
            FileFormat format = ImportFiles.detect(file);
            CsvDialect dialect = format == FileFormat.CSV ? dialect(file) : null;
            ColumnMapping mapping = mapping(file, dialect, presetMapping);
            mapping.validate();
            ImportOptions options = new ImportOptions(dialect, mapping, policy, dryRun, rejects, sheet, headerRow);
            ImportSummary summary = ForegroundJob.run(app.importer().importJob(file, options), spec.commandLine().getErr());
            if (summary.warning() != null) {
                spec.commandLine().getErr().println("Warning: " + summary.warning());
            }
            Map<String, Object> line = describe(summary);
            line.put("format", format.key());
            if (predict && !summary.dryRun()) {
                line.put("prediction", describe(ForegroundJob.run(
                        app.cohortModels().predictImportJob(summary.batchId(), summary.file()), spec.commandLine().getErr())));
            }
            summaries.add(line);
        }
        Json.println(spec.commandLine().getOut(), summaries.size() == 1 ? summaries.get(0) : totals(summaries));
        return RootCommand.EXIT_OK;
    }

    /**
     * The preset's or the {@code --map} mapping for the file's columns; without either, an empty mapping, which the
     * import completes with the defaults once it has the columns (a JSON file's columns take a pass over the file).
     */
    private ColumnMapping mapping(Path file, CsvDialect dialect, ColumnMapping presetMapping) throws IOException {
        if (presetMapping == null && maps.isEmpty()) {
            return new ColumnMapping(new LinkedHashMap<>(), null);
        }
        FilePreview preview = ImportFiles.preview(file, dialect, sheet, headerRow, 0);
        if (preview.headers().isEmpty() && !preview.problems().isEmpty()) {
            throw new ImportException(preview.problems().get(0));
        }
        List<String> headers = preview.headers();
        return presetMapping != null ? presetMapping.appliedTo(headers) : MappingOptions.apply(ColumnMapping.auto(headers), maps, headers);
    }

    private CsvDialect dialect(Path file) throws IOException {
        CsvDialect dialect = CsvSniffer.sniff(file);
        if (encoding != null) {
            try {
                dialect = dialect.withEncoding(Charset.forName(encoding.strip()));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new IllegalArgumentException("Unknown encoding '" + encoding + "'", e);
            }
        }
        if (delimiter != null) {
            dialect = dialect.withDelimiter(CsvDialect.parseDelimiter(delimiter));
        }
        return dialect;
    }

    static Map<String, Object> describe(ImportSummary summary) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("read", summary.read());
        line.put("inserted", summary.inserted());
        line.put("updated", summary.updated());
        line.put("duplicates", summary.duplicates());
        line.put("rejected", summary.rejected());
        line.put("rejectsFile", summary.rejectsFile());
        line.put("file", summary.file());
        line.put("batchId", summary.batchId());
        line.put("dryRun", summary.dryRun());
        line.put("seconds", Math.round(summary.seconds() * 1000) / 1000.0);
        line.put("rowsPerSecond", Math.round(summary.rowsPerSecond()));
        Map<String, Object> cleaning = new LinkedHashMap<>();
        for (ColumnCleaning column : summary.cleaning()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("field", column.field().key());
            counts.put("normalised", column.normalised());
            counts.put("invalid", column.invalid());
            counts.put("invalidAttribute", column.invalidAttribute());
            cleaning.put(column.column(), counts);
        }
        line.put("cleaning", cleaning);
        if (summary.warning() != null) {
            line.put("warning", summary.warning());
        }
        return line;
    }

    /** A batch prediction's counts: the model, how many profiles got cohorts, how many per cohort, how long it took. */
    static Map<String, Object> describe(BatchPrediction prediction) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("model", prediction.modelId());
        line.put("profiles", prediction.profiles());
        line.put("cohorts", prediction.cohorts());
        line.put("seconds", Math.round(prediction.millis()) / 1000.0);
        return line;
    }

    private static Map<String, Object> totals(List<Map<String, Object>> summaries) {
        Map<String, Object> line = new LinkedHashMap<>();
        for (String count : List.of("read", "inserted", "updated", "duplicates", "rejected")) {
            line.put(count, summaries.stream().mapToLong(summary -> (Long) summary.get(count)).sum());
        }
        line.put("rejectsFile", null);
        line.put("files", summaries);
        return line;
    }
}

package org.cdpdesktop.cli;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.sample.SampleDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic customer CSV (old CDPapi columns, with realistic dirt) for trying and benchmarking.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "3000", paramLabel = "N", description = "Number of customer rows (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed; the same seed writes the same file (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--first-row", defaultValue = "1", paramLabel = "N",
            description = "Number the customers from N (default: ${DEFAULT-VALUE}). A customer's number makes its cookie and email, "
                    + "so files share customers exactly where their numbers overlap, whatever their seeds.")
    private long firstRow;

    @Option(names = "--labelled", description = "Add a bio and the old service's cohort to each row, for training cohort models.")
    private boolean labelled;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SampleDataGenerator.checkRows(rows, firstRow);
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            SampleDataGenerator.write(writer, rows, seed, labelled, firstRow);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", rows);
        summary.put("firstRow", firstRow);
        summary.put("seed", seed);
        summary.put("labelled", labelled);
        summary.put("file", out.toAbsolutePath().toString());
        summary.put("bytes", Files.size(out));
        Json.println(spec.commandLine().getOut(), summary);
        return RootCommand.EXIT_OK;
    }
}

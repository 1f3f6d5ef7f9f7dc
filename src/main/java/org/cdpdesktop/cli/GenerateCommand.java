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

    @Option(names = "--labelled", description = "Add a bio and the old service's cohort to each row, for training cohort models.")
    private boolean labelled;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rows < 0) {
            throw new IllegalArgumentException("--rows must be 0 or more, not " + rows);
        }
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            SampleDataGenerator.write(writer, rows, seed, labelled);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", rows);
        summary.put("seed", seed);
        summary.put("labelled", labelled);
        summary.put("file", out.toAbsolutePath().toString());
        summary.put("bytes", Files.size(out));
        Json.println(spec.commandLine().getOut(), summary);
        return RootCommand.EXIT_OK;
    }
}

package org.cdpdesktop.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.export.ExportFormat;
import org.cdpdesktop.core.export.ExportSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write profiles out as JSON or CSV: every profile, or those --filter and --search find, in --sort order.",
            "JSON (to stdout, or --out) is an array of profile objects, as 'profiles' prints them. CSV (needs --out) has one column "
                    + "per field and per custom attribute, then cohorts; importing it gives the profiles back. "
                    + "With --out, prints one JSON line: {\"profiles\": N, \"format\": F, \"file\": PATH}."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    private ListingOptions listing;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "json", description = "Output format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write (default: stdout, JSON only).")
    private Path out;

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExportFormat exportFormat = ExportFormat.fromWord(format);
        if (out == null && exportFormat != ExportFormat.JSON) {
            throw new CommandLine.ParameterException(spec.commandLine(), "A CSV export needs --out FILE: stdout carries JSON only");
        }
        if (out == null) {
            ForegroundJob.run(root.app().exporter().exportJob(exportFormat, spec.commandLine().getOut(), listing.query()),
                    spec.commandLine().getErr());
            spec.commandLine().getOut().println();
            spec.commandLine().getOut().flush();
            return RootCommand.EXIT_OK;
        }
        ExportSummary summary = ForegroundJob.run(root.app().exporter().exportJob(exportFormat, out, listing.query()),
                spec.commandLine().getErr());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("profiles", summary.profiles());
        line.put("format", summary.format());
        line.put("file", summary.file());
        Json.println(spec.commandLine().getOut(), line);
        return RootCommand.EXIT_OK;
    }
}

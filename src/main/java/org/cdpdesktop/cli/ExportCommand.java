package org.cdpdesktop.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.export.ExportFormat;
import org.cdpdesktop.core.export.ExportSummary;
import org.cdpdesktop.core.query.ProfileQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every profile. JSON: an array of objects with the profile fields, an \"attributes\" object and a",
            "\"cohorts\" list, to stdout or --out. CSV (needs --out): one column per field and per custom attribute.",
            "With --out, prints one JSON summary line."})
final class ExportCommand implements Callable<Integer> {

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
            ForegroundJob.run(root.app().exporter().exportJob(exportFormat, spec.commandLine().getOut(), ProfileQuery.ALL),
                    spec.commandLine().getErr());
            spec.commandLine().getOut().println();
            spec.commandLine().getOut().flush();
            return RootCommand.EXIT_OK;
        }
        ExportSummary summary = ForegroundJob.run(root.app().exporter().exportJob(exportFormat, out, ProfileQuery.ALL),
                spec.commandLine().getErr());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("profiles", summary.profiles());
        line.put("format", summary.format());
        line.put("file", summary.file());
        Json.println(spec.commandLine().getOut(), line);
        return RootCommand.EXIT_OK;
    }
}

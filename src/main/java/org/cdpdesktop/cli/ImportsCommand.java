package org.cdpdesktop.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.ingest.ImportBatchRecord;
import org.cdpdesktop.core.ingest.UndoSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "imports", mixinStandardHelpOptions = true,
        description = "The import history: list the imports, or undo one.",
        subcommands = {ImportsCommand.ListImports.class, ImportsCommand.Undo.class})
final class ImportsCommand {

    @ParentCommand
    private RootCommand root;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every import tried, newest first: {\"imports\":[{\"id\",\"file\",\"startedAt\",\"status\",\"read\",\"inserted\",...}]}.")
    static final class ListImports implements Callable<Integer> {

        @ParentCommand
        private ImportsCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            List<Map<String, Object>> imports = new ArrayList<>();
            for (ImportBatchRecord batch : parent.root.app().importer().history()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", batch.id());
                line.put("file", batch.fileName());
                line.put("startedAt", batch.startedAt());
                line.put("status", batch.status());
                line.put("read", batch.read());
                line.put("inserted", batch.inserted());
                line.put("updated", batch.updated());
                line.put("duplicates", batch.duplicates());
                line.put("rejected", batch.rejected());
                line.put("rejectsFile", batch.rejectsFile());
                imports.add(line);
            }
            Json.println(spec.commandLine().getOut(), Map.of("imports", imports));
            return RootCommand.EXIT_OK;
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true,
            description = {"Undo a completed import: remove every profile it created, keeping and listing those it only updated.",
                "Segment snapshots follow, as after an import. Prints one JSON line:",
                "{\"batchId\",\"file\",\"removed\",\"removedLaterUpdated\",\"keptUpdated\",\"keptExternalIds\",\"seconds\"}."})
    static final class Undo implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "ID", description = "The import's id, as 'imports list' and 'import' print it (batchId).")
        private long batchId;

        @ParentCommand
        private ImportsCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            UndoSummary summary = ForegroundJob.run(parent.root.app().importer().undoJob(batchId), spec.commandLine().getErr());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("batchId", summary.batchId());
            line.put("file", summary.fileName());
            line.put("removed", summary.removed());
            line.put("removedLaterUpdated", summary.removedLaterUpdated());
            line.put("keptUpdated", summary.keptUpdated());
            line.put("keptExternalIds", summary.keptExternalIds());
            line.put("seconds", Math.round(summary.seconds() * 1000) / 1000.0);
            if (summary.warning() != null) {
                spec.commandLine().getErr().println("Warning: " + summary.warning());
                line.put("warning", summary.warning());
            }
            Json.println(spec.commandLine().getOut(), line);
            return RootCommand.EXIT_OK;
        }
    }
}

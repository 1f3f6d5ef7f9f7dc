package org.cdpdesktop.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.sample.SampleData;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Load the sample customers bundled with CDP Desktop, for trying it out.",
        subcommands = SampleCommand.Load.class)
final class SampleCommand {

    @ParentCommand
    private RootCommand root;

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Import the bundled 3,000-customer sample as the desktop app's first-start offer does, then predict its cohorts"
                + " with the active model (the bundled one on a new data folder); prints the import summary as JSON, with the"
                + " prediction's counts as \"prediction\"."})
    static final class Load implements Callable<Integer> {

        @ParentCommand
        private SampleCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            App app = parent.root.app();
            ImportSummary summary = ForegroundJob.run(
                    SampleData.importJob(app.importer(), app.dataDirectory().root().resolve("sample"), app.settings()),
                    spec.commandLine().getErr());
            Map<String, Object> line = ImportCommand.describe(summary);
            if (app.cohortModels().hasActiveModel()) {
                line.put("prediction", ImportCommand.describe(ForegroundJob.run(
                        app.cohortModels().predictImportJob(summary.batchId(), summary.file()), spec.commandLine().getErr())));
            }
            Json.println(spec.commandLine().getOut(), line);
            return RootCommand.EXIT_OK;
        }
    }
}

package org.cdpdesktop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print profile, segment and model counts and the last import as JSON.")
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Json.println(spec.commandLine().getOut(), root.app().stats().stats());
        return RootCommand.EXIT_OK;
    }
}

package org.cdpdesktop.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cdpdesktop.core.stats.Dashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print profile, segment and model counts, the last import and the dashboard's figures as JSON.")
final class StatsCommand implements Callable<Integer> {

    private static final ObjectMapper FIELDS = new ObjectMapper();

    @Option(names = "--period", defaultValue = "MONTH", paramLabel = "PERIOD",
            description = "Count new profiles per DAY, WEEK or MONTH (default: ${DEFAULT-VALUE}).")
    private Dashboard.Period period;

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> output = FIELDS.convertValue(root.app().stats().stats(), FIELDS.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        output.put("dashboard", root.app().dashboard().dashboard(period));
        Json.println(spec.commandLine().getOut(), output);
        return RootCommand.EXIT_OK;
    }
}

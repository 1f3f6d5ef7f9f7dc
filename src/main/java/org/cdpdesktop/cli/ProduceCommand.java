package org.cdpdesktop.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.stream.ProfileProducer;
import org.cdpdesktop.core.stream.StreamSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Send profiles from a file to a Kafka topic, to try the stream end to end.",
            "A JSON Lines file (.jsonl) goes line by line, a CSV file as one JSON object per row keyed by its external id.",
            "Prints one JSON line: {\"sent\":..,\"topic\":..,\"seconds\":..}."})
final class ProduceCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Bootstrap servers, comma-separated.")
    private String bootstrap;

    @Option(names = "--topic", required = true, paramLabel = "T", description = "Topic to send to.")
    private String topic;

    @Parameters(arity = "1", paramLabel = "FILE", description = "FILE.csv or FILE.jsonl.")
    private Path file;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StreamSettings settings = StreamSettings.plain(bootstrap, List.of(topic), StreamSettings.DEFAULT_GROUP, "latest");
        String problem = settings.problem();
        if (problem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
        long started = System.nanoTime();
        long sent = ProfileProducer.sendFile(settings, topic, file, count -> spec.commandLine().getErr().println("Sent " + count));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sent", sent);
        line.put("topic", topic);
        line.put("seconds", Math.round((System.nanoTime() - started) / 1e6) / 1000.0);
        Json.println(spec.commandLine().getOut(), line);
        return RootCommand.EXIT_OK;
    }
}

package org.cdpdesktop.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.model.TermWeight;
import org.cdpdesktop.core.segment.Lookalikes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code segment lookalike NAME (--size N | --min-score S) --save NEW_NAME}: a new segment of the profiles most like NAME's members. */
@Command(name = "lookalike", mixinStandardHelpOptions = true,
        description = "Train a model of what a segment's members share beyond its own rule, score everyone outside it,"
                + " and save the best as a new segment.")
final class SegmentLookalikeCommand implements Callable<Integer> {

    @ParentCommand
    private SegmentCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The seed segment.")
    private String seed;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Take take;

    @Option(names = "--save", required = true, paramLabel = "NEW_NAME", description = "The name of the new segment.")
    private String saveAs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the random sample of non-members; the same seed on the same data gives the same segment (default: ${DEFAULT-VALUE}).")
    private long randomSeed;

    static final class Take {
        @Option(names = "--size", paramLabel = "N", description = "Take the N best-scored profiles.")
        Integer size;

        @Option(names = "--min-score", paramLabel = "S", description = "Take every profile scoring at least S, between 0 and 1.")
        Double minScore;
    }

    @Override
    public Integer call() throws Exception {
        Lookalikes.Request request = new Lookalikes.Request(seed, take.size, take.minScore, saveAs, randomSeed);
        Lookalikes.Result result = ForegroundJob.run(parent.lookalikes().job(request), spec.commandLine().getErr());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seed", result.seed());
        json.put("saved", result.segment().name());
        json.put("rule", result.segment().ruleText());
        json.put("model", result.modelId());
        json.put("auc", result.auc());
        json.put("excluded", result.excluded());
        json.put("features", features(result.drivers()));
        json.put("members", result.members());
        json.put("sampled", result.sampled());
        json.put("scored", result.scored());
        json.put("size", result.size());
        json.put("threshold", result.threshold());
        json.put("millis", result.millis());
        Json.println(spec.commandLine().getOut(), json);
        return RootCommand.EXIT_OK;
    }

    private static List<Map<String, Object>> features(List<TermWeight> drivers) {
        return drivers.stream().map(d -> {
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("feature", d.term());
            feature.put("weight", d.weight());
            return feature;
        }).toList();
    }
}

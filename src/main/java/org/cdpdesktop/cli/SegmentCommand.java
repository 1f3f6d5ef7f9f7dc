package org.cdpdesktop.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.export.ExportFormat;
import org.cdpdesktop.core.export.ExportService;
import org.cdpdesktop.core.profile.ProfileMapping;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.RuleFormatter;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.segment.Lookalikes;
import org.cdpdesktop.core.segment.Segment;
import org.cdpdesktop.core.segment.SegmentInsights;
import org.cdpdesktop.core.segment.SegmentOverlap;
import org.cdpdesktop.core.segment.SegmentService;
import org.cdpdesktop.core.segment.SegmentSize;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code segment list|save|count|members|snapshot|insights|overlap|lookalike}. A rule that does not parse fails like any other error:
 * exit 1 and one {@code error: at position N: ...} line on stderr.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "List, save, count and print rule-based segments, and snapshot their sizes.",
        subcommands = {SegmentCommand.ListSegments.class, SegmentCommand.Save.class, SegmentCommand.Count.class,
                SegmentCommand.Members.class, SegmentCommand.Snapshot.class, SegmentInsightsCommands.Insights.class,
                SegmentInsightsCommands.Overlap.class, SegmentLookalikeCommand.class})
final class SegmentCommand {

    @ParentCommand
    private RootCommand root;

    SegmentService segments() {
        return root.app().segments();
    }

    ExportService exporter() {
        return root.app().exporter();
    }

    SegmentInsights insights() {
        return root.app().segmentInsights();
    }

    SegmentOverlap overlap() {
        return root.app().segmentOverlap();
    }

    Lookalikes lookalikes() {
        return root.app().lookalikes();
    }

    private static Segment named(SegmentService segments, String name) {
        return segments.find(name).orElseThrow(() -> new IllegalArgumentException("There is no segment named \"" + name + "\""));
    }

    private static Map<String, Object> describe(Segment segment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", segment.id());
        json.put("name", segment.name());
        json.put("rule", segment.ruleText());
        json.put("description", segment.description());
        json.put("builtin", segment.builtin());
        json.put("updatedAt", segment.updatedAt());
        return json;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print every segment with its live size as a JSON array.")
    static final class ListSegments implements Callable<Integer> {

        @ParentCommand
        private SegmentCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            List<Map<String, Object>> list = new ArrayList<>();
            for (SegmentSize size : parent.segments().sizes()) {
                Map<String, Object> json = describe(size.segment());
                json.put("size", size.failed() ? null : size.size());
                if (size.failed()) {
                    json.put("error", size.error());
                }
                list.add(json);
            }
            Json.println(spec.commandLine().getOut(), list);
            return RootCommand.EXIT_OK;
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true,
            description = "Create a segment, or replace the rule of the one with this name.")
    static final class Save implements Callable<Integer> {

        @ParentCommand
        private SegmentCommand parent;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "Segment name (case-insensitive).")
        private String name;

        @Option(names = "--rule", required = true, paramLabel = "TEXT",
                description = "Rule, e.g. 'country in (\"US\",\"CA\") AND age >= 25'.")
        private String rule;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the segment is for.")
        private String description;

        @Override
        public Integer call() {
            SegmentService segments = parent.segments();
            Condition condition = RuleParser.parse(rule);
            Segment saved = segments.save(name, condition, description);
            Map<String, Object> json = describe(saved);
            json.put("size", segments.count(condition));
            Json.println(spec.commandLine().getOut(), json);
            return RootCommand.EXIT_OK;
        }
    }

    /** Exactly one of a saved segment's name or a rule. */
    static final class Target {
        @Parameters(index = "0", paramLabel = "NAME", description = "A saved segment.")
        String name;

        @Option(names = "--rule", paramLabel = "TEXT", description = "A rule to evaluate without saving it.")
        String rule;

        Condition condition(SegmentService segments) {
            return rule != null ? RuleParser.parse(rule) : named(segments, name).rule();
        }
    }

    @Command(name = "count", mixinStandardHelpOptions = true,
            description = "Count the profiles in a saved segment, or matching a rule, as one JSON line.")
    static final class Count implements Callable<Integer> {

        @ParentCommand
        private SegmentCommand parent;

        @Spec
        private CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        private Target target;

        @Override
        public Integer call() {
            SegmentService segments = parent.segments();
            Condition condition = target.condition(segments);
            long started = System.nanoTime();
            long count = segments.count(condition);
            Map<String, Object> json = new LinkedHashMap<>();
            if (target.name != null) {
                json.put("name", target.name);
            }
            json.put("rule", RuleFormatter.format(condition));
            json.put("count", count);
            json.put("millis", (System.nanoTime() - started) / 1_000_000);
            Json.println(spec.commandLine().getOut(), json);
            return RootCommand.EXIT_OK;
        }
    }

    enum Format { csv, json }

    @Command(name = "members", mixinStandardHelpOptions = true,
            description = "Print a segment's members in the export's layout: CSV, or one JSON array of profile objects.")
    static final class Members implements Callable<Integer> {

        @ParentCommand
        private SegmentCommand parent;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "A saved segment.")
        private String name;

        @Option(names = "--format", defaultValue = "json", paramLabel = "csv|json", description = "Output format (default: ${DEFAULT-VALUE}).")
        private Format format;

        @Option(names = "--limit", defaultValue = "100000", paramLabel = "N",
                description = "At most this many members in JSON (default: ${DEFAULT-VALUE}); CSV writes them all.")
        private int limit;

        @Override
        public Integer call() throws Exception {
            SegmentService segments = parent.segments();
            Condition rule = named(segments, name).rule();
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.csv) {
                ForegroundJob.run(parent.exporter().exportJob(ExportFormat.CSV, out, new ProfileQuery(segments.withLiveRules(rule), null, null, null)),
                        spec.commandLine().getErr());
                out.flush();
                return RootCommand.EXIT_OK;
            }
            if (limit < 0) {
                throw new IllegalArgumentException("--limit must be 0 or more, not " + limit);
            }
            Json.println(out, segments.members(rule, limit, 0).stream().map(ProfileMapping::toJson).toList());
            return RootCommand.EXIT_OK;
        }
    }

    @Command(name = "snapshot", mixinStandardHelpOptions = true,
            description = "Re-evaluate every segment and record its size and members, for the trend charts and who joined or left.")
    static final class Snapshot implements Callable<Integer> {

        @ParentCommand
        private SegmentCommand parent;

        @Spec
        private CommandSpec spec;

        @Option(names = "--reason", defaultValue = "manual", paramLabel = "WHY",
                description = "What prompted it: manual, import or prediction (default: ${DEFAULT-VALUE}).")
        private String reason;

        @Override
        public Integer call() {
            Json.println(spec.commandLine().getOut(), parent.segments().snapshotAll(reason));
            return RootCommand.EXIT_OK;
        }
    }
}

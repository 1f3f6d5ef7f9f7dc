package org.cdpdesktop.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.segment.Insight;
import org.cdpdesktop.core.segment.InsightReport;
import org.cdpdesktop.core.segment.OverlapMatrix;
import org.cdpdesktop.core.segment.SegmentInsights;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code segment insights} and {@code segment overlap}: what sets a segment apart, and how segments overlap. */
final class SegmentInsightsCommands {

    private SegmentInsightsCommands() {
    }

    @Command(name = "insights", mixinStandardHelpOptions = true,
            description = "The attribute values most over- and under-represented in a segment against everyone else,"
                    + " with shares, lift and a multiple-testing-corrected significance test.")
    static final class Insights implements Callable<Integer> {

        @ParentCommand
        private SegmentCommand parent;

        @Spec
        private CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        private SegmentCommand.Target target;

        @Option(names = "--limit", defaultValue = "20", paramLabel = "N",
                description = "At most this many differences, strongest first (default: ${DEFAULT-VALUE}).")
        private int limit;

        @Override
        public Integer call() {
            Condition condition = target.condition(parent.segments());
            InsightReport report = parent.insights().insights(condition, limit);
            Map<String, Object> json = new LinkedHashMap<>();
            if (target.name != null) {
                json.put("name", target.name);
            }
            json.put("rule", report.rule());
            json.put("members", report.members());
            json.put("rest", report.rest());
            json.put("tested", report.tested());
            json.put("falseDiscoveryRate", SegmentInsights.FALSE_DISCOVERY_RATE);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Insight insight : report.insights()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dimension", insight.dimension());
                row.put("value", insight.value());
                row.put("rule", insight.ruleText());
                row.put("members", insight.memberCount());
                row.put("rest", insight.restCount());
                row.put("memberShare", insight.memberShare());
                row.put("restShare", insight.restShare());
                // JSON has no infinity: null lift means no one outside the segment has the value.
                row.put("lift", Double.isFinite(insight.lift()) ? insight.lift() : null);
                row.put("pValue", insight.pValue());
                row.put("qValue", insight.qValue());
                row.put("overRepresented", insight.overRepresented());
                row.put("inRule", insight.inRule());
                rows.add(row);
            }
            json.put("insights", rows);
            json.put("millis", report.millis());
            Json.println(spec.commandLine().getOut(), json);
            return RootCommand.EXIT_OK;
        }
    }

    @Command(name = "overlap", mixinStandardHelpOptions = true,
            description = "How every pair of saved segments overlaps: profiles in both and Jaccard index.")
    static final class Overlap implements Callable<Integer> {

        @ParentCommand
        private SegmentCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            OverlapMatrix matrix = parent.overlap().matrix();
            List<Map<String, Object>> segments = new ArrayList<>();
            List<Map<String, Object>> pairs = new ArrayList<>();
            for (int i = 0; i < matrix.segments().size(); i++) {
                Map<String, Object> segment = new LinkedHashMap<>();
                segment.put("name", matrix.segments().get(i).name());
                segment.put("size", matrix.sizes()[i]);
                segments.add(segment);
                for (int j = i + 1; j < matrix.segments().size(); j++) {
                    Map<String, Object> pair = new LinkedHashMap<>();
                    pair.put("a", matrix.segments().get(i).name());
                    pair.put("b", matrix.segments().get(j).name());
                    pair.put("both", matrix.both()[i][j]);
                    pair.put("jaccard", matrix.jaccard(i, j));
                    pairs.add(pair);
                }
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("segments", segments);
            json.put("pairs", pairs);
            json.put("failed", matrix.failed());
            json.put("millis", matrix.millis());
            Json.println(spec.commandLine().getOut(), json);
            return RootCommand.EXIT_OK;
        }
    }
}

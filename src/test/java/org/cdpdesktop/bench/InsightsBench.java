package org.cdpdesktop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.segment.InsightReport;
import org.cdpdesktop.core.segment.SegmentInsights;
import org.cdpdesktop.core.segment.SegmentOverlap;
import org.cdpdesktop.core.segment.SegmentService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Segment insights and overlap on the segments benchmark's store (1,000,000 generated profiles unless
 * {@code -Dbench.rows}): {@code mvn -Pbench test -Dtest=InsightsBench}. Each figure is the median of 5 runs after one
 * warm-up (the first insights, which count everyone's values for the runs after, are timed on their own), beside a plain count of the same segment (and one scan counting every segment) in the same run; the report
 * goes to target/benchmarks/insights.md.
 */
@Tag("bench")
class InsightsBench {

    private static final int RUNS = 5;
    /** A segment of about a tenth of the generated profiles (132,898 of 1,000,000). */
    private static final String TENTH = "age between 30 and 34";
    /** A small segment, to show what an insight costs once everyone's counts are kept. */
    private static final String SMALL = "income >= 150000";

    @TempDir
    Path folder;

    @Test
    void insightsAndOverlapOnAMillionProfiles() throws Exception {
        List<String> report = new ArrayList<>();
        Path loaded = SegmentsBench.loadedStore(folder, report);
        Files.copy(loaded, folder.resolve("cdp.db"));
        try (Database database = Database.open(folder.resolve("cdp.db"))) {
            SegmentService segments = new SegmentService(database);
            SegmentInsights insights = new SegmentInsights(database, segments);
            SegmentOverlap overlap = new SegmentOverlap(segments);
            Condition rule = RuleParser.parse(TENTH);
            long members = segments.count(rule);
            long start = System.nanoTime();
            InsightReport sample = insights.insights(rule, 20);
            double firstSeconds = (System.nanoTime() - start) / 1e9;
            assertThat(sample.members()).isEqualTo(members);

            report.add("| What | Median | Size |");
            report.add("| --- | --- | --- |");
            report.add(row("Baseline: segment count of " + TENTH, median(() -> segments.count(rule)), members));
            report.add(row("Baseline: member ids of " + TENTH, median(() -> segments.memberIds(rule).length), members));
            report.add(row("First insights after a change to the store (everyone's counts per value, then the members')",
                    firstSeconds, members));
            report.add(row("Insights of " + TENTH + " (target < 2 s), " + sample.tested() + " values tested",
                    median(() -> insights.insights(rule, 20).insights().size()), members));
            Condition small = RuleParser.parse(SMALL);
            long smallMembers = segments.count(small);
            report.add(row("Baseline: segment count of " + SMALL, median(() -> segments.count(small)), smallMembers));
            report.add(row("Insights of " + SMALL, median(() -> insights.insights(small, 20).insights().size()), smallMembers));
            report.add(row("Baseline: live sizes of all " + segments.list().size() + " segments (one scan)",
                    median(() -> segments.sizes().size()), segments.list().size()));
            report.add(row("Overlap matrix of all segments", median(() -> overlap.matrix().segments().size()), segments.list().size()));
            report.add("");
            report.add("Top differences: " + sample.insights().stream().limit(6)
                    .map(i -> i.dimension() + " " + i.value() + String.format(Locale.ROOT, " x%.2f", i.lift())).toList());
        }
        Path out = Path.of("target", "benchmarks", "insights.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
        LoggerFactory.getLogger(InsightsBench.class).info("Insights benchmark:\n{}", String.join("\n", report));
    }

    private static String row(String what, double seconds, long count) {
        return String.format(Locale.ROOT, "| %s | %.3f s | %,d |", what, seconds, count);
    }

    private static double median(LongSupplier work) {
        work.getAsLong();
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.getAsLong();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[RUNS / 2];
    }
}

package org.cdpdesktop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cdpdesktop.core.db.Database;
import org.cdpdesktop.core.jobs.JobContext;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.segment.Lookalikes;
import org.cdpdesktop.core.segment.SegmentService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A lookalike of the starter segment Senior on the segments benchmark's store (1,000,000 generated profiles unless
 * {@code -Dbench.rows}): {@code mvn -Pbench test -Dtest=LookalikeBench}. One run each, as one lookalike reads and
 * scores every profile; beside it, in the same run, the seed's member ids. The report goes to target/benchmarks/lookalike.md.
 */
@Tag("bench")
class LookalikeBench {

    private static final String SEED = "Senior";

    @TempDir
    Path folder;

    @Test
    void lookalikeOfASegmentOnAMillionProfiles() throws Exception {
        List<String> report = new ArrayList<>();
        Path loaded = SegmentsBench.loadedStore(folder, report);
        Files.copy(loaded, folder.resolve("cdp.db"));
        try (Database database = Database.open(folder.resolve("cdp.db"))) {
            SegmentService segments = new SegmentService(database);
            Lookalikes lookalikes = new Lookalikes(database, segments);
            long start = System.nanoTime();
            long members = segments.memberIds(segments.find(SEED).orElseThrow().rule()).length;
            double idsSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> stages = new LinkedHashMap<>();
            start = System.nanoTime();
            Lookalikes.Result result = lookalikes.create(new Lookalikes.Request(SEED, 10_000, null, "Like seniors", 1),
                    JobContext.create("bench", progress -> stages.putIfAbsent(progress.message(), System.nanoTime()), new AtomicBoolean()));
            long end = System.nanoTime();
            double lookalikeSeconds = (end - start) / 1e9;
            assertThat(segments.count(RuleParser.parse("segment = \"Like seniors\""))).isEqualTo(10_000);

            report.add("| What | Time | Size |");
            report.add("| --- | --- | --- |");
            report.add(String.format(Locale.ROOT, "| Baseline: member ids of %s | %.3f s | %,d |", SEED, idsSeconds, members));
            report.add(String.format(Locale.ROOT, "| Lookalike of %s, top 10,000 saved: train on %,d + %,d, score %,d | %.1f s | %,d |",
                    SEED, result.members(), result.sampled(), result.scored(), lookalikeSeconds, result.size()));
            report.add("");
            report.add("Where the time went (from the first progress message of each stage to the next):");
            List<Map.Entry<String, Long>> marks = new ArrayList<>(stages.entrySet());
            for (int i = 0; i < marks.size(); i++) {
                long until = i + 1 < marks.size() ? marks.get(i + 1).getValue() : end;
                report.add(String.format(Locale.ROOT, "- %s: %.1f s", marks.get(i).getKey(), (until - marks.get(i).getValue()) / 1e9));
            }
            report.add("");
            report.add(String.format(Locale.ROOT, "Hold-out AUC %.3f, excluded %s, drivers %s", result.auc(), result.excluded(),
                    result.drivers().stream().limit(5).map(d -> d.term()).toList()));
        }
        Path out = Path.of("target", "benchmarks", "lookalike.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
        LoggerFactory.getLogger(LookalikeBench.class).info("Lookalike benchmark:\n{}", String.join("\n", report));
    }
}

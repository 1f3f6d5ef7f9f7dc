package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cdpdesktop.App;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.segment.Lookalikes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentLookalikeCommandTest {

    @TempDir
    Path dataDirectory;

    /** 300 profiles: those aged 60 or over all like golf, and every fifth younger one does too. */
    @BeforeEach
    void addProfiles() {
        try (App app = App.open(dataDirectory)) {
            for (int i = 0; i < 300; i++) {
                Profile profile = new Profile();
                profile.setExternalId("p" + i);
                boolean old = i % 3 == 0;
                profile.setAge(old ? 60 + i % 20 : 20 + i % 40);
                profile.setInterests(old || i % 5 == 0 ? List.of("golf", i % 2 == 0 ? "music" : "travel") : List.of(i % 2 == 0 ? "music" : "travel"));
                app.profiles().save(profile);
            }
        }
        assertThat(run("segment", "save", "Sixty plus", "--rule", "age >= 60").exitCode()).isZero();
    }

    @Test
    void lookalikeSavesTheBestScoredProfilesAndPrintsOneJsonLine() {
        CliRun run = run("segment", "lookalike", "Sixty plus", "--size", "10", "--save", "Like sixty plus");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.out()).startsWith("{\"seed\":\"Sixty plus\",\"saved\":\"Like sixty plus\","
                        + "\"rule\":\"cohort = \\\"lookalike: Like sixty plus\\\"\",")
                .contains("\"excluded\":[\"age\"]", "\"features\":[{\"feature\":\"golf\",", "\"members\":100,", "\"scored\":200,",
                        "\"size\":10,");
        CliRun count = run("segment", "count", "--rule", "segment = \"Like sixty plus\" AND interests contains \"golf\"");
        assertThat(count.out()).contains("\"count\":10,");
    }

    @Test
    void anImportRescoresSavedLookalikesSoNewProfilesCanJoin() throws Exception {
        assertThat(run("segment", "lookalike", "Sixty plus", "--min-score", "0.5", "--save", "Likely golfers").exitCode()).isZero();
        StringBuilder csv = new StringBuilder("external_id,age,interests\n");
        for (int i = 0; i < 20; i++) {
            csv.append("new").append(i).append(",30,golf\n");
        }
        Path file = dataDirectory.resolve("newcomers.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);

        assertThat(run("import", file.toString()).exitCode()).isZero();

        CliRun count = run("segment", "count", "--rule", "segment = \"Likely golfers\" AND externalId starts with \"new\"");
        assertThat(count.out()).contains("\"count\":20,");
    }

    @Test
    void anImportShowsTheRescoringOfLookalikesOnStderrWhileStdoutKeepsItsOneJsonLine() throws Exception {
        assertThat(run("segment", "lookalike", "Sixty plus", "--min-score", "0.5", "--save", "Likely golfers").exitCode()).isZero();
        Path file = dataDirectory.resolve("newcomers.csv");
        Files.writeString(file, "external_id,age,interests\nnew1,30,golf\nnew2,40,music\n", StandardCharsets.UTF_8);

        CliRun run = run("import", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).singleElement().satisfies(line -> assertThat(line).startsWith("{\"read\":2,\"inserted\":2,"));
        assertThat(run.err().lines()).anySatisfy(line -> assertThat(line)
                .matches(Lookalikes.RESCORE_TITLE + " 100% · [\\d,]+ / [\\d,]+ rows( · [\\d,]+ rows/s)?( · ETA 0s)? · .+"));
    }

    @Test
    void lookalikeNeedsExactlyOneOfSizeAndMinScore() {
        CliRun both = run("segment", "lookalike", "Sixty plus", "--size", "10", "--min-score", "0.5", "--save", "X");
        CliRun neither = run("segment", "lookalike", "Sixty plus", "--save", "X");

        assertThat(both.exitCode()).isEqualTo(RootCommand.EXIT_USAGE);
        assertThat(neither.exitCode()).isEqualTo(RootCommand.EXIT_USAGE);
        assertThat(both.out()).isEmpty();
    }

    @Test
    void lookalikeOfAnUnknownSegmentFailsWithItsName() {
        CliRun run = run("segment", "lookalike", "Nobody", "--size", "10", "--save", "X");

        assertThat(run.exitCode()).isEqualTo(RootCommand.EXIT_FAILURE);
        assertThat(run.err().strip()).isEqualTo("error: There is no segment named \"Nobody\"");
        assertThat(run.out()).isEmpty();
    }

    private CliRun run(String... args) {
        String[] withData = new String[args.length + 2];
        withData[0] = "--data-dir";
        withData[1] = dataDirectory.toString();
        System.arraycopy(args, 0, withData, 2, args.length);
        return CliRun.of(withData);
    }
}

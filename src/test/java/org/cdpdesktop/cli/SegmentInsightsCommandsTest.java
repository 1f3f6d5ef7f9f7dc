package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cdpdesktop.App;
import org.cdpdesktop.core.profile.Profile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentInsightsCommandsTest {

    @TempDir
    Path dataDirectory;

    /** Thirty golfers aged 30 and thirty non-golfers aged 60. */
    @BeforeEach
    void addProfiles() {
        try (App app = App.open(dataDirectory)) {
            for (int i = 0; i < 60; i++) {
                Profile profile = new Profile();
                profile.setExternalId("p" + i);
                profile.setAge(i < 30 ? 30 : 60);
                profile.setInterests(i < 30 ? List.of("golf") : List.of("chess"));
                app.profiles().save(profile);
            }
        }
    }

    @Test
    void insightsOfARuleNameTheValuesThatSetItApart() {
        CliRun run = run("segment", "insights", "--rule", "age < 40", "--limit", "3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.out()).contains("\"members\":30", "\"rest\":30",
                "{\"dimension\":\"Interest\",\"value\":\"golf\",\"rule\":\"interests contains \\\"golf\\\"\",\"members\":30,\"rest\":0,"
                        + "\"memberShare\":1.0,\"restShare\":0.0,\"lift\":null,");
        assertThat(run.out().split("\"dimension\"")).hasSize(4);
    }

    @Test
    void insightsOfASavedSegmentCarryItsName() {
        assertThat(run("segment", "save", "Golfers", "--rule", "interests contains \"golf\"").exitCode()).isZero();

        CliRun run = run("segment", "insights", "golfers");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{\"name\":\"golfers\",\"rule\":\"interests contains \\\"golf\\\"\"")
                .contains("\"value\":\"25–34\"", "\"inRule\":true");
    }

    @Test
    void insightsWithoutASegmentOrRuleIsAUsageError() {
        CliRun run = run("segment", "insights");

        assertThat(run.exitCode()).isEqualTo(RootCommand.EXIT_USAGE);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void insightsOfAnUnknownSegmentFailsWithItsName() {
        CliRun run = run("segment", "insights", "Nobody");

        assertThat(run.exitCode()).isEqualTo(RootCommand.EXIT_FAILURE);
        assertThat(run.err().strip()).isEqualTo("error: There is no segment named \"Nobody\"");
    }

    @Test
    void overlapListsEveryPairWithProfilesInBothAndJaccard() {
        run("segment", "save", "Golfers", "--rule", "interests contains \"golf\"");
        run("segment", "save", "Young", "--rule", "age < 40");

        CliRun run = run("segment", "overlap");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.out()).contains("{\"name\":\"Golfers\",\"size\":30}",
                "{\"a\":\"Golfers\",\"b\":\"Young\",\"both\":30,\"jaccard\":1.0}", "\"failed\":{}");
    }

    private CliRun run(String... args) {
        String[] withData = new String[args.length + 2];
        withData[0] = "--data-dir";
        withData[1] = dataDirectory.toString();
        System.arraycopy(args, 0, withData, 2, args.length);
        return CliRun.of(withData);
    }
}

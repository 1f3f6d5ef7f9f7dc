package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.App;
import org.cdpdesktop.core.profile.ProfileFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesCommandTest {

    @TempDir
    Path dataDirectory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void fiveProfiles() {
        try (App app = App.open(dataDirectory)) {
            ProfileFixtures.saveFive(app.profiles());
        }
    }

    private int run(String... arguments) {
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDirectory.toString()));
        args.addAll(List.of(arguments));
        return RootCommand.execute(args.toArray(String[]::new), path -> { }, new PrintWriter(out), new PrintWriter(err));
    }

    private JsonNode output() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void printsTheFilteredSortedPageAndTheTotalAsJson() throws Exception {
        int exit = run("profiles", "--filter", "country = \"Canada\" AND interests contains \"travel\"", "--sort", "-age");

        assertThat(exit).isZero();
        JsonNode json = output();
        assertThat(json.get("total").asLong()).isEqualTo(2);
        assertThat(json.get("profiles")).extracting(profile -> profile.get("externalId").asText()).containsExactly("ck_c", "ck_a");
        assertThat(json.get("profiles").get(0).get("interests")).extracting(JsonNode::asText).containsExactly("travel", "music");
    }

    @Test
    void limitAndOffsetPageThroughTheListingWhileTotalCountsAll() throws Exception {
        run("profiles", "--limit", "2", "--offset", "2");

        JsonNode json = output();
        assertThat(json.get("total").asLong()).isEqualTo(5);
        assertThat(json.get("profiles")).extracting(profile -> profile.get("externalId").asText()).containsExactly("ck_c", "ck_d");
    }

    @Test
    void sortingPutsProfilesWithoutTheValueLast() throws Exception {
        run("profiles", "--sort", "attr:tier");

        assertThat(output().get("profiles")).extracting(profile -> profile.get("externalId").asText())
                .containsExactly("ck_c", "ck_a", "ck_e", "ck_b", "ck_d");
    }

    @Test
    void aBrokenFilterIsAUsageErrorNamingThePosition() {
        int exit = run("profiles", "--filter", "age >= ");

        assertThat(exit).isEqualTo(RootCommand.EXIT_USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("error: --filter at position");
    }

    @Test
    void statsKeepsItsCountsAndGainsTheDashboardFigures() throws Exception {
        int exit = run("stats", "--period", "DAY");

        assertThat(exit).isZero();
        JsonNode json = output();
        assertThat(json.get("profileCount").asLong()).isEqualTo(5);
        assertThat(json.get("lastImport").isNull()).as("saved by hand, never imported").isTrue();
        assertThat(json.get("dashboard").get("countries").get(0).get("label").asText()).isEqualTo("Canada");
        assertThat(json.get("dashboard").get("model").isNull()).isTrue();
    }
}

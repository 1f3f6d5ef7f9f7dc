package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cdpdesktop.App;
import org.cdpdesktop.core.profile.Profile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {

    @TempDir
    Path dataDirectory;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void addProfiles() {
        try (App app = App.open(dataDirectory)) {
            for (int age : new int[] {17, 30, 70}) {
                Profile profile = new Profile();
                profile.setExternalId("p" + age);
                profile.setAge(age);
                profile.setPostalCode("0" + age);
                app.profiles().save(profile);
            }
        }
    }

    @Test
    void savesCountsAndPrintsMembersOfASegment() {
        assertThat(run("segment", "save", "Adults", "--rule", "age >= 18")).isZero();
        assertThat(out.toString()).contains("\"name\":\"Adults\"", "\"size\":2");

        assertThat(run("segment", "count", "adults")).isZero();
        assertThat(out.toString()).contains("\"count\":2");

        assertThat(run("segment", "members", "Adults", "--format", "csv")).isZero();
        assertThat(out.toString().lines()).hasSize(3).anyMatch(line -> line.contains(",030,"));

        assertThat(run("segment", "members", "Adults")).isZero();
        assertThat(out.toString()).startsWith("[{\"id\":").contains("\"postalCode\":\"070\"")
                .as("the same profile JSON as the profiles command: numbers as numbers").containsPattern("\"age\":\\d+[,}]");
    }

    @Test
    void countsAnUnsavedRule() {
        assertThat(run("segment", "count", "--rule", "age < 18 OR age > 65")).isZero();

        assertThat(out.toString()).contains("\"count\":2");
    }

    @Test
    void aRuleFindsImportedProfilesByTheValuesTheFileHad() throws Exception {
        Path file = dataDirectory.resolve("customers.csv");
        Files.writeString(file, "cookie,country,gender,age\nc1,USA,m,40\nc2,US,F,20\nc3,CA,f,33\nc4,Germany,M,50\n");
        assertThat(run("import", file.toString())).isZero();

        assertThat(run("segment", "count", "--rule", "country in (\"US\",\"CA\") AND age >= 25")).isZero();
        assertThat(out.toString()).contains("\"count\":2");
        assertThat(run("profiles", "--filter", "country is \"USA\" AND gender = \"m\"")).isZero();
        assertThat(out.toString()).contains("\"total\":1", "\"externalId\":\"c1\"");
    }

    @Test
    void aRuleThatDoesNotParseExitsOneWithThePosition() {
        assertThat(run("segment", "count", "--rule", "age >= ")).isEqualTo(RootCommand.EXIT_FAILURE);

        assertThat(err.toString().strip()).isEqualTo("error: at position 8: expected a value after '>=', found the end of the rule");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void snapshotReportsEverySegment() {
        assertThat(run("segment", "snapshot")).isZero();

        assertThat(out.toString()).contains("\"name\":\"Senior\",\"size\":1");
    }

    @Test
    void listShowsStarterSegmentsWithSizes() {
        assertThat(run("segment", "list")).isZero();

        assertThat(out.toString()).contains("\"name\":\"Senior\"", "\"builtin\":true", "\"size\":1");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] withData = new String[args.length + 2];
        withData[0] = "--data-dir";
        withData[1] = dataDirectory.toString();
        System.arraycopy(args, 0, withData, 2, args.length);
        return RootCommand.execute(withData, path -> { }, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}

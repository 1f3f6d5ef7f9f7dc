package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.cdpdesktop.App;
import org.cdpdesktop.core.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {

    @TempDir
    Path folder;

    @Test
    void sampleLoadImportsTheBundledFilePredictsItsCohortsWithoutDriftAndPrintsOneJsonLine() throws Exception {
        StringWriter out = new StringWriter();
        Path data = folder.resolve("data");

        int exit = RootCommand.execute(new String[] {"--data-dir", data.toString(), "sample", "load"},
                path -> fail("no desktop"), new PrintWriter(out), new PrintWriter(new StringWriter()));

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).hasSize(1);
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertThat(summary.get("file").asText()).isEqualTo("customers.csv");
        assertThat(summary.get("read").asLong()).isEqualTo(3000);
        assertThat(summary.get("inserted").asLong() + summary.get("updated").asLong() + summary.get("duplicates").asLong()
                + summary.get("rejected").asLong()).isEqualTo(3000);
        assertThat(summary.get("prediction").get("profiles").asLong()).as("the bundled model predicts every sample customer")
                .isEqualTo(summary.get("inserted").asLong());
        try (App app = App.open(data)) {
            assertThat(app.profiles().count()).isEqualTo(summary.get("inserted").asLong());
            assertThat(app.cohortModels().drift().drifted()).as("the sample comes from the bundled model's own distribution").isFalse();
            assertThat(app.settings().getBoolean(Settings.SAMPLE_DATA_OFFERED)).isTrue();
        }
    }
}

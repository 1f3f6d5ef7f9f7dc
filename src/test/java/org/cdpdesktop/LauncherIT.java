package org.cdpdesktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: a separate JVM with no display. */
class LauncherIT {

    private static final Path JAR = Path.of(System.getProperty("cdp.jar", "target/cdp-desktop.jar"));

    @TempDir
    Path dataDir;

    @Test
    void statsRunsWithNoDisplayAndPrintsJsonOnly() throws Exception {
        Result result = run("--data-dir", dataDir.toString(), "stats");

        assertThat(result.exitCode()).isZero();
        JsonNode stats = new ObjectMapper().readTree(result.out());
        assertThat(stats.get("profileCount").asLong()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(dataDir.resolve("logs/cdp-desktop.log")).exists();
    }

    @Test
    void usageErrorExitsWithTwo() throws Exception {
        Result result = run("--data-dir", dataDir.toString(), "no-such-command");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: ");
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {
    }
}

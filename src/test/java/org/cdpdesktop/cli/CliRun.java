package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process as a user's shell would, capturing stdout, stderr and the exit code. */
record CliRun(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code args} on the data folder {@code dataDirectory}, as {@code --data-dir DIR args...}. */
    static CliRun in(Path dataDirectory, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDirectory.toString()));
        all.addAll(List.of(args));
        return of(all.toArray(String[]::new));
    }

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = RootCommand.execute(args, dataDirectory -> fail("A CLI command must not open the desktop app"),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Standard output read as the one JSON line every command prints. */
    JsonNode json() throws Exception {
        return JSON.readTree(out);
    }
}

package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.DesktopStart;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import org.junit.jupiter.api.io.TempDir;

class RootCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void statsPrintsOneJsonLineAndCreatesTheDataFolder() throws Exception {
        CliRun run = CliRun.of("--data-dir", dataDir.resolve("new").toString(), "stats");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        JsonNode stats = JSON.readTree(run.out());
        assertThat(stats.get("profileCount").asLong()).isZero();
        assertThat(stats.get("segmentCount").asLong()).as("the starter segments").isEqualTo(15);
        assertThat(stats.get("modelCount").asLong()).isZero();
        assertThat(stats.get("lastImport").isNull()).isTrue();
        assertThat(dataDir.resolve("new/cdp.db")).exists();
        assertThat(dataDir.resolve("new/logs")).isDirectory();
    }

    @Test
    void versionAndHelpTouchNoFiles() {
        CliRun version = CliRun.of("--data-dir", dataDir.resolve("untouched").toString(), "--version");
        CliRun help = CliRun.of("--help");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("CDP Desktop ");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--data-dir", "stats", "generate");
        assertThat(dataDir.resolve("untouched")).doesNotExist();
    }

    @Test
    void everyGroupOfCommandsWithoutOneOfItsCommandsIsAUsageError() {
        for (String group : List.of("imports", "sample", "apikey", "preset", "models", "segment")) {
            CliRun run = CliRun.of("--data-dir", dataDir.toString(), group);

            assertThat(run.exitCode()).as(group).isEqualTo(RootCommand.EXIT_USAGE);
            assertThat(run.out()).as(group).isEmpty();
            assertThat(run.err()).as(group).contains("Missing required subcommand", "cdp-desktop " + group + " --help");
        }
    }

    @Test
    void everyCommandSaysWhatItDoesInACompleteFirstSentenceAndDescribesEachArgument() {
        List<CommandLine> commands = new ArrayList<>();
        collect(new CommandLine(new RootCommand(path -> { })), commands);

        assertThat(commands).hasSizeGreaterThan(15);
        for (CommandLine command : commands) {
            CommandSpec spec = command.getCommandSpec();
            assertThat(spec.usageMessage().description()).as(spec.qualifiedName()).isNotEmpty();
            // The list of commands shows only the first line, so it must be a whole sentence.
            assertThat(spec.usageMessage().description()[0]).as(spec.qualifiedName()).endsWith(".");
            for (ArgSpec argument : spec.args()) {
                assertThat(String.join(" ", argument.description())).as(spec.qualifiedName() + " " + argument.paramLabel()).isNotBlank();
                if (argument.arity().max() > 0) {
                    // picocli's fallback label is the Java field name in angle brackets, e.g. <limit>.
                    assertThat(argument.paramLabel()).as(spec.qualifiedName()).doesNotStartWith("<");
                }
            }
        }
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    @Test
    void unknownCommandIsAUsageErrorWithExitCodeTwo() {
        CliRun run = CliRun.of("--data-dir", dataDir.toString(), "frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: 'frobnicate' is neither a command nor a file");
    }

    @Test
    void failureIsOneErrorLineWithExitCodeOne() throws Exception {
        Path notAFolder = Files.writeString(dataDir.resolve("file.txt"), "in the way");

        CliRun run = CliRun.of("--data-dir", notAFolder.toString(), "stats");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("error: Cannot create the data folder " + notAFolder);
    }

    @Test
    void generateWritesTheRequestedRowsDeterministically() throws Exception {
        Path first = dataDir.resolve("a.csv");
        Path second = dataDir.resolve("b.csv");

        CliRun run = CliRun.of("--data-dir", dataDir.toString(), "generate", "--rows", "250", "--seed", "7", "--out", first.toString());
        CliRun.of("--data-dir", dataDir.toString(), "generate", "--rows", "250", "--seed", "7", "--out", second.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.out()).get("rows").asInt()).isEqualTo(250);
        assertThat(Files.readAllLines(first)).hasSize(251).first()
                .isEqualTo("cookie,email,phone_number,country,state,city,age,gender,income,education,interests,created_at");
        assertThat(Files.mismatch(first, second)).isEqualTo(-1);
    }

    @Test
    void generateNumbersCustomersFromTheFirstRowAndRefusesRowsWhoseCookiesWouldRepeatWithoutWritingAFile() throws Exception {
        Path numbered = dataDir.resolve("numbered.csv");
        Path refused = dataDir.resolve("refused.csv");

        CliRun run = CliRun.of("--data-dir", dataDir.toString(), "generate", "--rows", "5", "--first-row", "6001", "--out", numbered.toString());
        CliRun wrong = CliRun.of("--data-dir", dataDir.toString(), "generate", "--rows", "5", "--first-row", "0", "--out", refused.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.out()).get("firstRow").asLong()).isEqualTo(6001);
        assertThat(Files.readAllLines(numbered)).hasSize(6).element(1).asString().contains("6001@");
        assertThat(wrong.exitCode()).isEqualTo(RootCommand.EXIT_FAILURE);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err().strip()).startsWith("error: Rows are numbered from 1 to 4,294,967,295");
        assertThat(refused).doesNotExist();
    }

    @Test
    void noCommandOpensTheDesktopAppOnTheChosenFolder() {
        List<DesktopStart> opened = new ArrayList<>();

        int exitCode = RootCommand.execute(new String[] {"--data-dir", dataDir.toString()}, opened::add,
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

        assertThat(exitCode).isZero();
        assertThat(opened).containsExactly(new DesktopStart(dataDir, List.of()));
    }

    @Test
    void filesGivenWithoutACommandOpenTheDesktopAppWithThemForImport() throws Exception {
        Path customers = Files.writeString(dataDir.resolve("customers.csv"), "email\nann@example.org\n");
        Path orders = Files.writeString(dataDir.resolve("orders list.tsv"), "email\tamount\n");
        List<DesktopStart> opened = new ArrayList<>();

        int exitCode = RootCommand.execute(new String[] {"--data-dir", dataDir.toString(), customers.toString(), orders.toUri().toString()},
                opened::add, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

        assertThat(exitCode).isZero();
        assertThat(opened).containsExactly(new DesktopStart(dataDir, List.of(customers, orders)));
    }

    @Test
    void aMissingFileIsAUsageErrorAndOpensNothing() {
        CliRun run = CliRun.of("--data-dir", dataDir.toString(), dataDir.resolve("gone.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: '" + dataDir.resolve("gone.csv") + "' is neither a command nor a file");
    }
}

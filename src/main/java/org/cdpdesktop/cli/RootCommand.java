package org.cdpdesktop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.cdpdesktop.App;
import org.cdpdesktop.core.DataDirectory;
import org.cdpdesktop.core.UserMessages;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cdp-desktop [--data-dir DIR] COMMAND ...}. Contract for every command: stdout carries JSON only;
 * exit 0 on success, 1 on failure with one {@code error: ...} line on stderr, 2 on a usage error.
 */
@Command(name = "cdp-desktop",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A customer data platform on your own computer. Without a command, opens the desktop app.",
        subcommands = {StatsCommand.class, GenerateCommand.class, ImportCommand.class, ExportCommand.class, PresetCommand.class,
                SampleCommand.class, ProfilesCommand.class, SegmentCommand.class, ImportsCommand.class,
                TrainCommand.class, ModelsCommand.class, PredictCommand.class, DriftCommand.class, ServeCommand.class,
                ApiKeyCommand.class, ConsumeCommand.class, ProduceCommand.class})
public final class RootCommand implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data folder (default: $CDP_DATA_DIR, else the per-user data folder).")
    private Path dataDirectory;

    private final Consumer<Path> openDesktop;
    private App app;

    RootCommand(Consumer<Path> openDesktop) {
        this.openDesktop = openDesktop;
    }

    /** Parses and runs {@code args}; returns the process exit code. */
    public static int execute(String[] args, Consumer<Path> openDesktop) {
        return execute(args, openDesktop, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    static int execute(String[] args, Consumer<Path> openDesktop, PrintWriter out, PrintWriter err) {
        RootCommand root = new RootCommand(openDesktop);
        CommandLine commandLine = new CommandLine(root)
                .setOut(out)
                .setErr(err)
                .setExecutionStrategy(parseResult -> {
                    root.prepareLogging();
                    return new CommandLine.RunLast().execute(parseResult);
                })
                .setParameterExceptionHandler((problem, arguments) -> {
                    err.println("error: " + problem.getMessage());
                    err.println("Try '" + problem.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
                    return EXIT_USAGE;
                })
                .setExecutionExceptionHandler((failure, commandLine1, parseResult) -> {
                    LoggerFactory.getLogger(RootCommand.class).error("Command failed", failure);
                    err.println("error: " + UserMessages.describe(failure));
                    return EXIT_FAILURE;
                });
        try {
            return commandLine.execute(args);
        } finally {
            root.closeApp();
        }
    }

    @Override
    public Integer call() {
        openDesktop.accept(dataDirectoryPath());
        return EXIT_OK;
    }

    Path dataDirectoryPath() {
        return DataDirectory.chooseForThisUser(Optional.ofNullable(dataDirectory));
    }

    /** The services, opened on first use so that {@code --help} and {@code --version} touch no files. */
    App app() {
        if (app == null) {
            app = App.open(dataDirectoryPath());
        }
        return app;
    }

    private void prepareLogging() {
        System.setProperty("cdp.logDir", dataDirectoryPath().resolve("logs").toString());
    }

    private void closeApp() {
        if (app != null) {
            app.close();
        }
    }
}

package org.cdpdesktop.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.cdpdesktop.App;
import org.cdpdesktop.DesktopStart;
import org.cdpdesktop.core.DataDirectory;
import org.cdpdesktop.core.UserMessages;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cdp-desktop [--data-dir DIR] COMMAND ...}. Contract for every command: stdout carries JSON only;
 * exit 0 on success, 1 on failure with one {@code error: ...} line on stderr, 2 on a usage error.
 */
@Command(name = "cdp-desktop",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A customer data platform on your own computer. Without a command, opens the desktop app, "
                + "with any files given in its import wizard.",
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

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "CSV or TSV files to open in the desktop app's import wizard, one after another.")
    private List<String> files = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    private final Consumer<DesktopStart> openDesktop;
    private App app;

    RootCommand(Consumer<DesktopStart> openDesktop) {
        this.openDesktop = openDesktop;
    }

    /** Parses and runs {@code args}; returns the process exit code. */
    public static int execute(String[] args, Consumer<DesktopStart> openDesktop) {
        return execute(args, openDesktop, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    static int execute(String[] args, Consumer<DesktopStart> openDesktop, PrintWriter out, PrintWriter err) {
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
        List<Path> toImport = new ArrayList<>();
        for (String argument : files) {
            toImport.add(existingFile(argument).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "'" + argument + "' is neither a command nor a file")));
        }
        openDesktop.accept(new DesktopStart(dataDirectoryPath(), toImport));
        return EXIT_OK;
    }

    /** The file a path names, or a {@code file:} URI as desktop environments pass it for a {@code %U} field code. */
    private static Optional<Path> existingFile(String argument) {
        try {
            Path file = argument.startsWith("file:") ? Path.of(URI.create(argument)) : Path.of(argument);
            return Optional.of(file.toAbsolutePath().normalize()).filter(Files::isRegularFile);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    Path dataDirectoryPath() {
        return DataDirectory.chooseForThisUser(Optional.ofNullable(dataDirectory));
    }

    /**
     * The services, opened on first use so that {@code --help} and {@code --version} touch no files. Work that follows
     * the command's own (rescoring lookalikes after an import) shows its progress on stderr as the command's job does.
     */
    App app() {
        if (app == null) {
            app = App.open(dataDirectoryPath());
            app.followUps().startWith(job -> ForegroundJob.start(job, app.jobs(), spec.commandLine().getErr()));
            app.resumeUnfinishedWork();
        }
        return app;
    }

    private void prepareLogging() {
        System.setProperty("cdp.logDir", dataDirectoryPath().resolve("logs").toString());
    }

    private void closeApp() {
        if (app != null) {
            // What follows an import (rescoring lookalikes) runs in the background: the command ends once it has.
            try {
                app.followUps().awaitAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            app.close();
        }
    }
}

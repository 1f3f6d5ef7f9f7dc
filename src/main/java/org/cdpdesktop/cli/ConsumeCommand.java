package org.cdpdesktop.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.App;
import org.cdpdesktop.core.stream.MessageFormat;
import org.cdpdesktop.core.stream.StreamConsumer;
import org.cdpdesktop.core.stream.StreamSettings;
import org.cdpdesktop.core.stream.StreamState;
import org.cdpdesktop.core.stream.StreamStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "consume", mixinStandardHelpOptions = true,
        description = {"Consume customer profiles from Kafka topics into the store, as the Stream screen does.",
            "Runs until Ctrl-C, --max-messages or --idle-timeout; messages that cannot be stored are kept as dead letters.",
            "Progress goes to stderr; prints one JSON line:",
            "{\"read\":..,\"inserted\":..,\"updated\":..,\"duplicates\":..,\"rejected\":..,\"deadLettered\":..,\"seconds\":..,\"messagesPerSecond\":..}."})
final class ConsumeCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Bootstrap servers, comma-separated.")
    private String bootstrap;

    @Option(names = "--topic", required = true, paramLabel = "T", description = "Topic to consume (repeat for several).")
    private List<String> topics;

    @Option(names = "--group", paramLabel = "G", defaultValue = StreamSettings.DEFAULT_GROUP,
            description = "Consumer group id (default: ${DEFAULT-VALUE}); desktops sharing a group share the partitions.")
    private String group;

    @Option(names = "--from-beginning", description = "A group without committed offsets starts at the oldest message (default: only new ones).")
    private boolean fromBeginning;

    @Option(names = "--max-messages", paramLabel = "N", description = "Stop after N messages.")
    private long maxMessages;

    @Option(names = "--idle-timeout", paramLabel = "S", description = "Stop when no message came for S seconds.")
    private Double idleTimeout;

    @Option(names = "--format", paramLabel = "F", defaultValue = "legacy",
            description = "Message format: legacy (JSON, old service's names), profile (JSON, CDP Desktop's names) or csv (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--preset", paramLabel = "NAME", description = "With --format csv: the saved preset naming the line's columns.")
    private String preset;

    @Option(names = "--predict", description = "Predict the cohort of each new or changed profile with the active model.")
    private boolean predict;

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (maxMessages < 0 || idleTimeout != null && idleTimeout <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-messages and --idle-timeout take positive numbers");
        }
        MessageFormat messageFormat = switch (format.toLowerCase(Locale.ROOT)) {
            case "legacy" -> MessageFormat.LEGACY_JSON;
            case "profile" -> MessageFormat.PROFILE_JSON;
            case "csv" -> MessageFormat.CSV_LINE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--format is legacy, profile or csv, not '" + format + "'");
        };
        App app = root.app();
        if (predict && !app.stream().canPredict()) {
            throw new IllegalStateException("Predicting on ingest needs an active cohort model, and none is available");
        }
        StreamSettings settings = StreamSettings.plain(bootstrap, topics, group, fromBeginning ? "earliest" : "latest")
                .withFormat(messageFormat, preset == null ? "" : preset)
                .withPredict(predict);
        Duration idle = idleTimeout == null ? null : Duration.ofMillis((long) (idleTimeout * 1000));
        StreamConsumer consumer = app.stream().consumer(settings, StreamConsumer.Options.continuous().withLimits(maxMessages, idle));
        StreamStatus status = runUntilStopped(consumer, spec.commandLine().getErr());
        Json.println(spec.commandLine().getOut(), describe(status));
        if (status.state() == StreamState.FAILED) {
            throw new IllegalStateException(status.lastError());
        }
        return RootCommand.EXIT_OK;
    }

    /** Runs the consumer here; Ctrl-C asks it to store and commit its batch in hand, and waits for that. */
    private static StreamStatus runUntilStopped(StreamConsumer consumer, PrintWriter err) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopOnInterrupt = new Thread(() -> {
            consumer.stop();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-consume");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "consume-progress");
            thread.setDaemon(true);
            return thread;
        });
        progress.scheduleAtFixedRate(() -> err.println(line(consumer.status())), 1, 1, TimeUnit.SECONDS);
        try {
            consumer.run();
            return consumer.status();
        } finally {
            progress.shutdownNow();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C arrived: the hook is running and is released by the latch above.
            }
        }
    }

    private static String line(StreamStatus status) {
        return String.format(Locale.ROOT, "%s: %,d read, %,d inserted, %,d updated, %,d rejected, %,.0f messages/s, lag %,d%s",
                status.state().label(), status.read(), status.inserted(), status.updated(), status.rejected(), status.messagesPerSecond(),
                status.totalLag(), status.lastError() == null ? "" : " (last error: " + status.lastError() + ")");
    }

    static Map<String, Object> describe(StreamStatus status) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("read", status.read());
        line.put("inserted", status.inserted());
        line.put("updated", status.updated());
        line.put("duplicates", status.duplicates());
        line.put("rejected", status.rejected());
        line.put("deadLettered", status.deadLettered());
        line.put("seconds", Math.round(status.seconds() * 1000) / 1000.0);
        line.put("messagesPerSecond", status.seconds() > 0 ? Math.round(status.read() / status.seconds()) : 0);
        return line;
    }
}

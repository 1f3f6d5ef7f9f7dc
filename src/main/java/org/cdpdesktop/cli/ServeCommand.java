package org.cdpdesktop.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cdpdesktop.rest.ApiConfig;
import org.cdpdesktop.rest.ApiServer;
import org.cdpdesktop.rest.ModelEndpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the local REST API in the foreground until Ctrl-C. Prints one JSON line {\"url\":..} once listening.",
            "Clients send a key made with 'apikey create' as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ApiConfig.DEFAULT_PORT,
            description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ApiConfig.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only). Any other address lets other"
                    + " computers reach the API.")
    private String bind;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "A browser origin allowed to call the API, like http://localhost:3000; repeatable. Without one, CORS is off.")
    private List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--anonymous-read",
            description = "Let clients without a key read (GET and predictions), from this computer only.")
    private boolean anonymousRead;

    @Option(names = "--max-body-mb", paramLabel = "MB", defaultValue = "10", description = "Largest JSON body (default: ${DEFAULT-VALUE} MB).")
    private long maxBodyMegabytes;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "512", description = "Largest CSV upload (default: ${DEFAULT-VALUE} MB).")
    private long maxUploadMegabytes;

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ApiConfig config = new ApiConfig(port, bind, corsOrigins, anonymousRead, maxBodyMegabytes * 1024 * 1024,
                maxUploadMegabytes * 1024 * 1024);
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        boolean interrupted = false;
        try (ApiServer server = new ApiServer(root.app(), ModelEndpoints.UNAVAILABLE)) {
            URI url = server.start(config);
            if (!config.loopbackOnly()) {
                spec.commandLine().getErr().println("warning: listening on " + config.bindAddress()
                        + ": other computers on the network can reach this API; every call still needs a key.");
            }
            Thread onCtrlC = new Thread(() -> {
                stopping.countDown();
                try {
                    stopped.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "serve-stop");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            Json.println(spec.commandLine().getOut(), Map.of("url", url.toString()));
            spec.commandLine().getErr().println("Listening on " + url + " (Ctrl-C stops)");
            try {
                stopping.await();
            } catch (InterruptedException e) {
                // Stopping the server must not see the interrupt, or Jetty aborts its clean stop; it is restored below.
                interrupted = true;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onCtrlC);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C arrived: the hook is running and waits for the server to stop below.
                }
            }
        } finally {
            stopped.countDown();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return RootCommand.EXIT_OK;
    }
}

package org.cdpdesktop.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.cdpdesktop.App;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.cdpdesktop.core.access.ApiRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local REST API over the same core services as the desktop app and the command line. Started and stopped by
 * the API screen or the {@code serve} command; the only class of the doors that knows Javalin starts it.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final String ALLOWED_HEADERS = "content-type, authorization, x-api-key";
    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";

    private final App app;
    private final ModelEndpoints models;
    /** Decimals read exactly as written, so that a profile's {@code 0.1} lands as the same digits as from a JSON file. */
    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final RequestLog log = new RequestLog(500);
    private Javalin server;
    private ProfileIngest ingest;
    private ApiConfig config;
    private URI url;

    public ApiServer(App app, ModelEndpoints models) {
        this.app = app;
        this.models = models;
    }

    /** Starts listening; answers the base URL. A port in use or an address that is not this computer's is an error. */
    public synchronized URI start(ApiConfig newConfig) {
        if (server != null) {
            throw new IllegalStateException("The API is already listening on " + url);
        }
        Javalin created = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.startupWatcherEnabled = false;
            javalin.jsonMapper(new JavalinJackson(json, false));
            javalin.http.maxRequestSize = newConfig.maxBodyBytes();
            javalin.staticFiles.enableWebjars();
            // Daemon threads: a desktop window closing ends the program even when the API was left running.
            QueuedThreadPool threads = new QueuedThreadPool(64, 4);
            threads.setName("rest");
            threads.setDaemon(true);
            javalin.jetty.threadPool = threads;
            javalin.jetty.multipartConfig.maxFileSize(newConfig.maxUploadBytes(), SizeUnit.BYTES);
            javalin.jetty.multipartConfig.maxTotalRequestSize(newConfig.maxUploadBytes() + 1024 * 1024, SizeUnit.BYTES);
            javalin.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            javalin.requestLogger.http((ctx, millis) -> log.add(new RequestLog.Entry(Instant.now(), ctx.method().name(),
                    ctx.path(), ctx.statusCode(), millis)));
        });
        Cors cors = new Cors(newConfig.corsOrigins());
        created.before(cors::addHeaders);
        created.options("/*", cors::preflight);
        created.beforeMatched(ctx -> authorise(ctx, newConfig));
        created.exception(HttpResponseException.class, (failure, ctx) -> answer(ctx, ApiErrors.answer(failure)));
        created.exception(Exception.class, (failure, ctx) -> answer(ctx, ApiErrors.answer(failure)));
        ProfileIngest profileIngest = new ProfileIngest(app.importer());
        Routes routes = new Routes(created, json);
        new CompatRoutes(app, models, json, profileIngest).register(routes);
        new V1Routes(app, models, json, profileIngest).register(routes);
        Docs.register(created, routes.openApi());
        try {
            created.start(newConfig.bindAddress(), newConfig.port());
        } catch (RuntimeException e) {
            created.stop();
            profileIngest.close();
            throw new IllegalStateException("Cannot listen on " + newConfig.bindAddress() + ":" + newConfig.port() + ": "
                    + rootMessage(e), e);
        }
        server = created;
        ingest = profileIngest;
        config = newConfig;
        String host = newConfig.bindAddress().contains(":") ? "[" + newConfig.bindAddress() + "]" : newConfig.bindAddress();
        url = URI.create("http://" + host + ":" + created.port());
        LOG.info("REST API listening on {} (anonymous read {}, CORS origins {})", url, newConfig.anonymousRead(), newConfig.corsOrigins());
        return url;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
            ingest.close();
            ingest = null;
            LOG.info("REST API on {} stopped", url);
            url = null;
            config = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    public synchronized Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    public synchronized Optional<ApiConfig> config() {
        return Optional.ofNullable(config);
    }

    public RequestLog log() {
        return log;
    }

    @Override
    public void close() {
        stop();
    }

    private void authorise(Context ctx, ApiConfig current) {
        if (ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        Access needed = roles.contains(Access.WRITE) ? Access.WRITE : Access.READ;
        String key = presentedKey(ctx);
        if (key == null) {
            if (needed == Access.READ && current.anonymousRead() && fromThisComputer(ctx)) {
                return;
            }
            throw new ApiError(401, "unauthorized", "This endpoint needs an API key, sent as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'");
        }
        ApiRole role = app.apiKeys().verify(key)
                .orElseThrow(() -> new ApiError(401, "unauthorized", "The API key is not valid (unknown or revoked)"));
        if (needed == Access.WRITE && !role.mayWrite()) {
            throw new ApiError(403, "forbidden", "A viewer key may only read; this endpoint needs an admin key");
        }
    }

    private static String presentedKey(Context ctx) {
        String header = ctx.header("X-API-Key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    private static boolean fromThisComputer(Context ctx) {
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void answer(Context ctx, ApiErrors.Answer answer) {
        ctx.status(answer.status()).json(answer.body());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

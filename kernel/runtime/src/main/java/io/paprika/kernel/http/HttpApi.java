package io.paprika.kernel.http;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.paprika.kernel.HostPort;
import io.paprika.kernel.config.SecretMask;
import io.paprika.kernel.dataset.DatasetManager;
import io.paprika.kernel.metrics.Metrics;
import io.paprika.kernel.metrics.QueryMetrics;
import io.paprika.kernel.metrics.QueryRun;
import io.paprika.kernel.plugin.PluginInventory;
import io.paprika.kernel.query.QueryException;
import io.paprika.kernel.query.cache.CachedQueries;
import io.paprika.kernel.query.cache.CachedResult;
import io.paprika.spi.ArrowStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Spice-compatible HTTP API on {@code --http}, served by Javalin (Jetty). */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** Queries have drained before the HTTP server stops; this bounds the connections' goodbyes. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final CachedQueries queries;
    private final DatasetManager datasets;
    private final PluginInventory inventory;
    private final BufferAllocator allocator;
    private final Map<String, HostPort> endpoints;
    private final DatasetsView datasetsView;
    private final Metrics metrics;
    private final SpicepodsView spicepods;
    private Javalin app;

    /**
     * @param queries   runs {@code /v1/sql} through the results cache
     * @param endpoints every endpoint the runtime was asked to serve, by name, for {@code /v1/status}
     * @param metrics   counts requests and {@code /v1/sql} queries
     * @param pod       the loaded spicepod, for {@code /v1/spicepods}
     */
    public HttpApi(CachedQueries queries, DatasetManager datasets, PluginInventory inventory, BufferAllocator allocator,
            Map<String, HostPort> endpoints, Metrics metrics, io.paprika.kernel.config.Spicepod pod) {
        this.queries = requireNonNull(queries, "queries");
        this.datasets = requireNonNull(datasets, "datasets");
        this.inventory = requireNonNull(inventory, "inventory");
        this.allocator = requireNonNull(allocator, "allocator");
        this.endpoints = Map.copyOf(requireNonNull(endpoints, "endpoints"));
        this.datasetsView = new DatasetsView(datasets);
        this.metrics = requireNonNull(metrics, "metrics");
        this.spicepods = new SpicepodsView(pod);
    }

    /** Binds and serves plain HTTP to everyone; throws if the address cannot be bound. */
    public void start(HostPort address) {
        start(address, HttpSecurity.NONE);
    }

    /** Binds and serves with the given keys and TLS; throws if the address cannot be bound. */
    public void start(HostPort address, HttpSecurity security) {
        app = Javalin.create(config -> {
            security.apply(config, address);
            config.startup.showJavalinBanner = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.jetty.host = address.host();
            config.jetty.port = address.port();
            config.jetty.modifyServer(HttpApi::stopGracefully);
            metrics.http().install(config);
            config.routes.get("/health", ctx -> ctx.contentType("text/plain").result("ok"));
            config.routes.get("/v1/ready", this::ready);
            config.routes.post("/v1/sql", this::sql);
            config.routes.get("/v1/datasets", ctx -> CsvRows.answer(ctx, datasetsView.list(
                    "true".equalsIgnoreCase(ctx.queryParam("status")))));
            config.routes.get("/v1/status", this::status);
            config.routes.get("/v1/spicepods", spicepods::handle);
            config.routes.post("/v1/datasets/{name}/acceleration/refresh", new RefreshApi(datasets)::handle);
        });
        app.start();
        LOG.info("HTTP API listening on {}://{}", security.scheme(), address);
    }

    /**
     * Stopping waits for requests in progress and closes idle keep-alive connections as they fall
     * quiet, each response saying {@code Connection: close}; requests that arrive meanwhile get 503,
     * which a load balancer replays elsewhere. A plain stop instead cut connections, and Jetty could
     * answer a request just arriving on one with a 500 (EofException) that no balancer retries.
     */
    private static void stopGracefully(Server server) {
        server.setHandler(new GracefulHandler()); // Javalin puts its own handler inside this one
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return app.port();
    }

    private void ready(Context ctx) {
        boolean ready = datasets.ready();
        ctx.status(ready ? 200 : 503).contentType("text/plain").result(ready ? "ready" : "not ready");
    }

    private void sql(Context ctx) throws Exception {
        ResultWriter writer = ResultWriter.forAccept(ctx.header("Accept"));
        QueryRun measured = metrics.queries().start(QueryMetrics.HTTP);
        if (datasets.draining()) {
            // A 503 before any work: a load balancer can safely send the query to another replica.
            // (Flight refuses at the transport instead; see FlightEndpoint.stopAccepting.)
            measured.failed();
            ctx.status(503).contentType("text/plain")
                    .result("the runtime is shutting down; send the query to another replica");
            return;
        }
        BufferAllocator child = allocator.newChildAllocator("http-query", 0, Long.MAX_VALUE);
        try {
            CachedResult result;
            try {
                result = queries.execute(ctx.body(), List.of(), child, !noCache(ctx.header("Cache-Control")));
            } catch (QueryException e) {
                measured.failed();
                ctx.status(httpStatus(e.kind())).contentType("text/plain").result(SecretMask.mask(e.getMessage()));
                return;
            }
            try (ArrowStream stream = measured.track(result.stream())) {
                result.status().resultsCacheStatus().ifPresent(v -> ctx.header("Results-Cache-Status", v));
                result.status().xCache().ifPresent(v -> ctx.header("X-Cache", v));
                ctx.status(200).contentType(writer.contentType());
                OutputStream out = ctx.outputStream();
                writer.write(stream.reader(), out);
                out.flush();
            }
        } finally {
            child.close();
        }
    }

    /** {@code Cache-Control: no-cache} (or no-store) asks for a result fresh from the engine. */
    static boolean noCache(String cacheControl) {
        if (cacheControl == null) {
            return false;
        }
        String c = cacheControl.toLowerCase(java.util.Locale.ROOT);
        return c.contains("no-cache") || c.contains("no-store");
    }

    static int httpStatus(QueryException.Kind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT, NOT_FOUND -> 400;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    private void status(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> eps = new java.util.ArrayList<>();
        for (String name : List.of("http", "flight", "metrics", "opentelemetry")) {
            HostPort hp = endpoints.get(name);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", name);
            e.put("address", hp == null ? null : hp.toString());
            e.put("state", "ready");
            eps.add(e);
        }
        if ("csv".equalsIgnoreCase(ctx.queryParam("format"))) {
            // As Spice's CSV: one row per endpoint.
            CsvRows.answer(ctx, eps);
            return;
        }
        body.put("endpoints", eps);
        body.put("plugins", inventory.bundles());
        // Every Arrow buffer the kernel or a bundle holds comes from this allocator: a leak shows here.
        body.put("arrow_memory", Map.of("allocated_bytes", allocator.getAllocatedMemory(),
                "peak_bytes", allocator.getPeakMemoryAllocation()));
        body.put("results_cache", queries.stats());
        ctx.json(body);
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}

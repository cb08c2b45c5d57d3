package io.paprika.kernel;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Ticker;
import io.paprika.kernel.auth.RuntimeSecurity;
import io.paprika.kernel.config.ConfigException;
import io.paprika.kernel.config.Durations;
import io.paprika.kernel.config.ResultsCacheSpec;
import io.paprika.kernel.config.SecretMask;
import io.paprika.kernel.config.Spicepod;
import io.paprika.kernel.config.SpicepodLocator;
import io.paprika.kernel.config.SpicepodParser;
import io.paprika.kernel.dataset.DatasetManager;
import io.paprika.kernel.flight.FlightEndpoint;
import io.paprika.kernel.flight.FlightSqlService;
import io.paprika.kernel.http.HttpApi;
import io.paprika.kernel.metrics.Metrics;
import io.paprika.kernel.metrics.MetricsServer;
import io.paprika.kernel.otlp.OtlpMetricsCollector;
import io.paprika.kernel.otlp.OtlpReceiver;
import io.paprika.kernel.plugin.PluginHost;
import io.paprika.kernel.plugin.PluginInventory;
import io.paprika.kernel.plugin.PluginRegistry;
import io.paprika.kernel.query.QueryService;
import io.paprika.kernel.query.Views;
import io.paprika.kernel.query.cache.CachedQueries;
import io.paprika.kernel.query.cache.ResultsCache;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The runtime, put together: plugin host, spicepod, datasets, queries and the HTTP API. */
public final class Paprika implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Paprika.class);

    private final RuntimeOptions options;
    private final BufferAllocator allocator = new RootAllocator();
    private final Metrics metrics = new Metrics();
    private MetricsServer metricsServer;
    private OtlpReceiver otlp;
    private PluginHost host;
    private PluginRegistry registry;
    private PluginInventory inventory;
    private DatasetManager datasets;
    private QueryService queries;
    private HttpApi http;
    private FlightEndpoint flight;
    private ScheduledExecutorService housekeeping;

    public Paprika(RuntimeOptions options) {
        this.options = requireNonNull(options, "options");
    }

    /**
     * Starts everything; on a spicepod error nothing is served and the error is thrown.
     *
     * @throws ConfigException when the spicepod is invalid
     */
    public void start() throws Exception {
        long t0 = System.nanoTime();
        Path spicepodFile = SpicepodLocator.locate(options.spicepod(), Path.of("").toAbsolutePath(),
                options.quickstart());
        host = new PluginHost(options.systemDir(), options.pluginsDir());
        BundleContext context = host.start();
        registry = new PluginRegistry(context);
        registry.addListener(metrics.pluginEvents());
        registry.open();
        inventory = new PluginInventory(context);
        host.awaitPlugins(10_000);

        Set<String> extraEngines = new HashSet<>(registry.engines());
        Spicepod pod = new SpicepodParser(System.getenv(), extraEngines).parse(spicepodFile);
        SecretMask.register(pod.secretValues());
        LOG.info("Loaded spicepod `{}` from {} with {} dataset(s)", pod.name(), spicepodFile, pod.datasets().size());
        RuntimeSecurity security = RuntimeSecurity.configure(options.tls(), pod);
        pod.runtimeKeys().stream().filter(k -> !Set.of("results_cache", "auth", "tls").contains(k))
                .forEach(k -> LOG.info("spicepod: runtime.{} is accepted but not yet applied", k));
        Views views = Views.of(pod.views(), new java.util.LinkedHashSet<>(pod.datasets().stream()
                .map(io.paprika.kernel.config.DatasetSpec::name).toList()));
        Path dataDir = options.dataDir().orElse(pod.directory().resolve(".spice").resolve("data"));
        Files.createDirectories(dataDir);
        datasets = new DatasetManager(pod.datasets(), registry, allocator, dataDir, pod.directory(),
                RuntimeClock.fromSystemProperties());
        datasets.checkParams();
        registry.addListener(datasets);
        metrics.watch(datasets, inventory);

        Map<String, HostPort> endpoints = new LinkedHashMap<>();
        endpoints.put("http", options.http());
        endpoints.put("flight", options.flight());
        endpoints.put("metrics", options.metrics());
        endpoints.put("opentelemetry", options.openTelemetry());
        queries = new QueryService(datasets, registry, views, allocator);
        registry.addListener(queries);
        CachedQueries cached = new CachedQueries(queries, resultsCache(pod.resultsCache()));
        datasets.onRowsChanged(cached::invalidate);
        // Flight first: once HTTP answers /v1/ready, every endpoint must be serving.
        FlightSqlService flightSql = new FlightSqlService(cached, queries, datasets, allocator, version(),
                metrics.queries());
        flight = FlightEndpoint.start(options.flight(), flightSql, allocator, options.flightMaxMessageBytes(),
                security.flight(), metrics.flight());
        metricsServer = MetricsServer.start(options.metrics(), metrics.registry());
        OtlpMetricsCollector otlpMetrics = new OtlpMetricsCollector(OtlpMetricsCollector.DEFAULT_MAX_SERIES);
        otlpMetrics.register(metrics.registry());
        otlp = OtlpReceiver.start(options.openTelemetry(), otlpMetrics);
        http = new HttpApi(cached, datasets, inventory, allocator, endpoints, metrics, pod);
        http.start(options.http(), security.http());

        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paprika-plugin-watch");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(inventory::logNewFailures, 0, 1, TimeUnit.SECONDS);
        datasets.start();
        LOG.info("Runtime started in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private static Optional<ResultsCache> resultsCache(ResultsCacheSpec spec) {
        if (!spec.enabled()) {
            LOG.info("Results cache is off (runtime.results_cache.enabled: false)");
            return Optional.empty();
        }
        LOG.info("Results cache: up to {} bytes, items kept {}, {}", spec.maxSizeBytes(),
                Durations.format(spec.itemTtl()), spec.evictionPolicy());
        return Optional.of(new ResultsCache(spec.maxSizeBytes(), spec.itemTtl(), Ticker.systemTicker()));
    }

    /** The runtime's version, from the kernel jar's manifest. */
    public static String version() {
        String v = Paprika.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() {
        LOG.info("Shutting down");
        drain();
        closeQuietly(flight);
        closeQuietly(http);
        closeQuietly(metricsServer);
        closeQuietly(otlp);
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        closeQuietly(datasets);
        closeQuietly(inventory);
        closeQuietly(registry);
        closeQuietly(host);
        try {
            allocator.close();
        } catch (IllegalStateException e) {
            LOG.warn("Arrow memory still allocated at shutdown: {}", e.getMessage());
        }
    }

    /**
     * /v1/ready turns 503, new HTTP queries get 503 and Flight stops accepting calls; running queries
     * get the grace period to finish.
     */
    private void drain() {
        if (datasets == null || queries == null) {
            return;
        }
        datasets.drain();
        if (flight != null) {
            flight.stopAccepting();
        }
        Duration grace = options.shutdownGracePeriod();
        LOG.info("Draining: not ready, new queries refused; waiting up to {} for running queries: {}",
                Durations.format(grace), queries.runningCount());
        try {
            if (!queries.awaitIdle(grace)) {
                LOG.warn("{} quer{} still running after the grace period; stopping anyway", queries.runningCount(),
                        queries.runningCount() == 1 ? "y" : "ies");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
        }
    }
}

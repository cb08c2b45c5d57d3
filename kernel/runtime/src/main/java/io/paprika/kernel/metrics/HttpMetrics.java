package io.paprika.kernel.metrics;

import static java.util.Objects.requireNonNull;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;

/**
 * HTTP API requests by method, route template and status. The route template (e.g.
 * {@code /v1/datasets/{name}/acceleration/refresh}) rather than the path keeps the label set small
 * and free of user input; a request matching no route counts as {@code unmatched}.
 */
public final class HttpMetrics {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("io.paprika.kernel.requests");
    static final String UNMATCHED = "unmatched";

    private final Counter requests;
    private final Histogram duration;

    HttpMetrics(CollectorRegistry registry) {
        requireNonNull(registry, "registry");
        requests = Counter.build("http_requests", "HTTP API requests, by method, route template and status.")
                .labelNames("method", "path", "status").register(registry);
        duration = Histogram.build("http_requests_duration_ms", "HTTP API request time in milliseconds, by method, route template and status.")
                .labelNames("method", "path", "status").buckets(Buckets.MILLIS).register(registry);
    }

    /** Measures and logs every request of the app being configured (Javalin's request logger runs for each). */
    public void install(JavalinConfig config) {
        config.requestLogger.http(this::record);
    }

    private void record(Context ctx, Float millis) {
        String method = ctx.method().name();
        String path = template(ctx);
        String status = Integer.toString(ctx.statusCode());
        requests.labels(method, path, status).inc();
        duration.labels(method, path, status).observe(millis == null ? 0 : millis);
        // The request log (-v): one line per request, by route template, never the raw path or body.
        LOG.debug("HTTP {} {} {} in {} ms", method, path, status, millis == null ? 0 : Math.round(millis));
    }

    private static String template(Context ctx) {
        try {
            Endpoint e = ctx.endpoints().matchedHttpEndpoint();
            return e == null ? UNMATCHED : e.path;
        } catch (RuntimeException e) {
            // Javalin has no matched endpoint for a 404 and may say so by throwing.
            return UNMATCHED;
        }
    }
}

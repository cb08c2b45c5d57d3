package io.paprika.kernel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.prometheus.client.CollectorRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {
    private static final String[] LABELS = {"method", "path", "status"};

    @Test
    void countsRequestsByRouteTemplateNotByPath() throws Exception {
        CollectorRegistry registry = new CollectorRegistry();
        HttpMetrics metrics = new HttpMetrics(registry);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            metrics.install(config);
            config.routes.post("/v1/datasets/{name}/acceleration/refresh", ctx -> ctx.status(201).result("ok"));
        }).start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            for (String name : new String[] {"a", "b"}) {
                send(client, app.port(), "POST", "/v1/datasets/" + name + "/acceleration/refresh");
            }
            send(client, app.port(), "GET", "/no/such/secret-path");
        } finally {
            app.stop();
        }
        assertEquals(2.0, registry.getSampleValue("http_requests_total", LABELS,
                new String[] {"POST", "/v1/datasets/{name}/acceleration/refresh", "201"}));
        assertEquals(2.0, registry.getSampleValue("http_requests_duration_ms_count", LABELS,
                new String[] {"POST", "/v1/datasets/{name}/acceleration/refresh", "201"}));
        assertEquals(1.0, registry.getSampleValue("http_requests_total", LABELS,
                new String[] {"GET", HttpMetrics.UNMATCHED, "404"}));
        registry.metricFamilySamples().asIterator().forEachRemaining(f -> f.samples.forEach(s ->
                assertTrue(s.labelValues.stream().noneMatch(v -> v.contains("secret-path")), "a raw path leaked: " + s)));
    }

    private static void send(HttpClient client, int port, String method, String path) throws Exception {
        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
}

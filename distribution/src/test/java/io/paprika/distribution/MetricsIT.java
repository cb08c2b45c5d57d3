package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} on {@code --metrics} as Prometheus scrapes it, after loads, queries over HTTP and
 * Flight, and a refresh that fails.
 */
class MetricsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A sample line of the text format: name, optional {labels} (quoted values may hold braces), value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*\\})?) (\\S+)$");

    @Test
    void scrapeShowsDatasetsQueriesRequestsRefreshErrorsPluginsAndTheJvm(@TempDir Path dir) throws Exception {
        try (SourceServer source = new SourceServer(null, null)) {
            source.put("/items.csv", "id,name\n1,a\n2,b\n3,c\n4,d\n", "text/csv");
            Files.writeString(dir.resolve("cities.csv"), "id,city\n1,Oslo\n2,Lima\n3,Pune\n");
            Files.writeString(dir.resolve("spicepod.yaml"), """
                    version: v1
                    kind: Spicepod
                    name: metrics
                    datasets:
                      - from: %s
                        name: items
                        acceleration: {enabled: true, engine: duckdb, refresh_retry_enabled: false}
                      - from: file:cities.csv
                        name: cities
                        acceleration: {enabled: true, engine: arrow}
                    """.formatted(source.url("/items.csv")));
            try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
                spiced.awaitReady(Duration.ofSeconds(30));
                assertEquals(200, spiced.sql("SELECT * FROM items").statusCode());
                assertEquals(200, spiced.sql("SELECT id FROM items WHERE id <= 2").statusCode());
                assertEquals(400, spiced.sql("SELECT * FROM no_such_table").statusCode());
                try (Connection c = DriverManager.getConnection(spiced.jdbcUrl()); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT city FROM cities")) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                    }
                    assertEquals(3, rows);
                }

                source.failNext("/items.csv", 1);
                HttpResponse<String> refresh = HTTP.send(HttpRequest.newBuilder(
                        URI.create(spiced.url("/v1/datasets/items/acceleration/refresh")))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, refresh.statusCode(), refresh.body());
                spiced.awaitTrue(Duration.ofSeconds(20), "the failed refresh to be counted", () ->
                        Double.valueOf(1).equals(samples(scrape(spiced)).get("dataset_acceleration_refresh_errors_total{dataset=\"items\",}")));

                String text = scrape(spiced);
                Map<String, Double> m = samples(text);
                // Datasets: cities ready; items in error after its failed refresh, still holding its rows.
                assertEquals(1.0, m.get("dataset_load_state{dataset=\"cities\",}"), text);
                assertEquals(3.0, m.get("dataset_load_state{dataset=\"items\",}"));
                assertEquals(4.0, m.get("dataset_acceleration_rows{dataset=\"items\",}"));
                assertEquals(3.0, m.get("dataset_acceleration_rows{dataset=\"cities\",}"));
                assertTrue(m.get("dataset_acceleration_last_refresh_time_ms{dataset=\"cities\",}") > 1.6e12);
                assertEquals(1.0, m.get("dataset_active_count{engine=\"duckdb\",}"));
                assertEquals(1.0, m.get("dataset_active_count{engine=\"arrow\",}"));
                assertEquals(2.0, m.get("dataset_acceleration_refresh_duration_ms_count{dataset=\"items\",mode=\"full\",}"),
                        "the first load and the failed refresh");
                // Queries by protocol.
                assertEquals(3.0, m.get("query_executions_total{protocol=\"http\",}"));
                assertEquals(1.0, m.get("query_failures_total{protocol=\"http\",}"));
                assertEquals(6.0, m.get("query_returned_rows_total{protocol=\"http\",}"));
                assertEquals(1.0, m.get("query_executions_total{protocol=\"flight\",}"));
                assertEquals(0.0, m.get("query_failures_total{protocol=\"flight\",}"));
                assertEquals(3.0, m.get("query_returned_rows_total{protocol=\"flight\",}"));
                assertEquals(1.0, m.get("query_duration_ms_count{protocol=\"flight\",}"));
                // Requests, by route template.
                assertEquals(1.0, m.get("http_requests_total{method=\"POST\",path=\"/v1/datasets/{name}/acceleration/refresh\",status=\"201\",}"), text);
                assertEquals(2.0, m.get("http_requests_total{method=\"POST\",path=\"/v1/sql\",status=\"200\",}"));
                assertEquals(1.0, m.get("http_requests_total{method=\"POST\",path=\"/v1/sql\",status=\"400\",}"));
                assertTrue(m.get("flight_requests_total{method=\"DoGet\",}") >= 1.0, text);
                assertTrue(m.get("flight_request_duration_ms_count{method=\"DoGet\",}") >= 1.0);
                // Plugins and the JVM.
                assertTrue(m.get("plugin_bundles{state=\"active\",}") >= 4.0);
                assertTrue(m.get("plugin_events_total{event=\"added\",}") >= 4.0);
                assertTrue(m.get("jvm_memory_bytes_used{area=\"heap\",}") > 0);
                assertTrue(m.containsKey("jvm_threads_current"));

                Matcher type = Pattern.compile("(?m)^# TYPE (\\S+) ").matcher(text);
                while (type.find()) {
                    assertTrue(text.contains("# HELP " + type.group(1) + " "), "no help for " + type.group(1));
                }
                assertTrue(m.keySet().stream().noneMatch(k -> k.toUpperCase().contains("SELECT")), "no SQL in labels");
            }
        }
    }

    private static String scrape(Spiced spiced) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + spiced.metricsPort() + "/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            return r.body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Every sample of a scrape by its name and labels as written, e.g. {@code a_total{x="y",}}. */
    private static Map<String, Double> samples(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return out;
    }
}

package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresh API, and retries with backoff that keep serving the last good data. */
class RefreshIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FOUR = "id,name\n1,a\n2,b\n3,c\n4,d\n";

    private static HttpResponse<String> refresh(Spiced spiced, String dataset, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(spiced.url("/v1/datasets/" + dataset + "/acceleration/refresh")))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode dataset(Spiced spiced, String name) throws Exception {
        for (JsonNode d : JSON.readTree(spiced.get("/v1/datasets?status=true").body())) {
            if (d.get("name").asText().equals(name)) {
                return d;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void theRefreshApiRunsARefreshNowWithAnOptionalRefreshSqlForThatRunOnly(@TempDir Path dir) throws Exception {
        try (SourceServer source = new SourceServer(null, null)) {
            source.put("/items.csv", FOUR, "text/csv");
            Files.writeString(dir.resolve("spicepod.yaml"), """
                    version: v1
                    kind: Spicepod
                    name: refresh-api
                    datasets:
                      - from: %s
                        name: items
                        acceleration: {enabled: true, engine: duckdb}
                      - from: %s
                        name: plain
                    """.formatted(source.url("/items.csv"), source.url("/items.csv")));
            try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
                spiced.awaitReady(Duration.ofSeconds(60));
                HttpResponse<String> r = refresh(spiced, "ITEMS", "{\"refresh_sql\": \"SELECT * FROM items WHERE id > 2\"}");
                assertEquals(201, r.statusCode(), r.body());
                assertEquals("Dataset refresh triggered for items.", JSON.readTree(r.body()).get("message").asText());
                spiced.awaitTrue(Duration.ofSeconds(15), "the filtered refresh",
                        () -> spiced.body("SELECT count(*) AS n FROM items").equals("[{\"n\":2}]"));

                assertEquals(201, refresh(spiced, "items", "").statusCode());
                spiced.awaitTrue(Duration.ofSeconds(15), "a full refresh after the one-off filter",
                        () -> spiced.body("SELECT count(*) AS n FROM items").equals("[{\"n\":4}]"));

                HttpResponse<String> unknown = refresh(spiced, "nope", "");
                assertEquals(404, unknown.statusCode());
                assertTrue(unknown.body().contains("items, plain"), unknown.body());
                HttpResponse<String> plain = refresh(spiced, "plain", "");
                assertEquals(400, plain.statusCode());
                assertTrue(plain.body().contains("not accelerated"), plain.body());
                HttpResponse<String> bad = refresh(spiced, "items", "{\"refresh_sql\": \"DELETE FROM items\"}");
                assertEquals(400, bad.statusCode());
                assertTrue(bad.body().contains("refresh_sql"), bad.body());
                assertEquals(400, refresh(spiced, "items", "{\"refresh_every\": 1}").statusCode());
                HttpResponse<String> append = refresh(spiced, "items", "{\"refresh_mode\": \"append\"}");
                assertEquals(400, append.statusCode());
                assertTrue(append.body().contains("time_column"), append.body());
            }
        }
    }

    @Test
    void transientFailuresAreRetriedAndAFailedRefreshKeepsServingTheLastGoodData(@TempDir Path dir) throws Exception {
        try (SourceServer source = new SourceServer(null, null)) {
            source.put("/items.csv", FOUR, "text/csv").failNext("/items.csv", 2);
            Files.writeString(dir.resolve("spicepod.yaml"), """
                    version: v1
                    kind: Spicepod
                    name: retries
                    datasets:
                      - from: %s
                        name: items
                        acceleration:
                          enabled: true
                          refresh_check_interval: 1h
                          refresh_retry_max_attempts: 2
                    """.formatted(source.url("/items.csv")));
            try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
                // Two 503s, then the retries (about 1 s, then 2 s later) get the rows.
                spiced.awaitReady(Duration.ofSeconds(30));
                assertEquals("[{\"n\":4}]", spiced.body("SELECT count(*) AS n FROM items"));
                spiced.awaitOutput("retry 1 of 2");
                spiced.awaitOutput("retry 2 of 2");

                source.put("/items.csv", "id,name\n9,z\n", "text/csv").failNext("/items.csv", 100);
                assertEquals(201, refresh(spiced, "items", "").statusCode());
                spiced.awaitTrue(Duration.ofSeconds(20), "the retries to run out", () -> {
                    try {
                        JsonNode d = dataset(spiced, "items");
                        return d.get("status").asText().equals("Error") && d.get("next_attempt_time").isNull()
                                && d.get("message").asText().contains("serving the last good data");
                    } catch (Exception e) {
                        return false;
                    }
                });
                assertTrue(dataset(spiced, "items").get("message").asText().contains("503"));
                assertEquals("[{\"n\":4}]", spiced.body("SELECT count(*) AS n FROM items"), "the last good rows serve");
                assertEquals(200, spiced.get("/v1/ready").statusCode(), "ready stays 200 after a failed refresh");
            }
        }
    }

    @Test
    void aSourceSlowerThanClientTimeoutIsRetried(@TempDir Path dir) throws Exception {
        try (SourceServer source = new SourceServer(null, null)) {
            source.put("/items.csv", FOUR, "text/csv").stallNext("/items.csv", 1);
            Files.writeString(dir.resolve("spicepod.yaml"), """
                    version: v1
                    kind: Spicepod
                    name: slow
                    datasets:
                      - from: %s
                        name: items
                        params: {client_timeout: 1s}
                        acceleration: {enabled: true}
                    """.formatted(source.url("/items.csv")));
            try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
                spiced.awaitReady(Duration.ofSeconds(30));
                assertEquals("[{\"n\":4}]", spiced.body("SELECT count(*) AS n FROM items"));
                spiced.awaitOutput("retry 1 in");
            }
        }
    }
}

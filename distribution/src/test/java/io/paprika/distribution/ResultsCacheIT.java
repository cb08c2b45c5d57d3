package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results cache as a client sees it: response headers, answers, expiry, invalidation, Flight. */
class ResultsCacheIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String QUERY = "SELECT id, name FROM items ORDER BY id";

    private static String spicepod(String source, String runtime) {
        return """
                version: v1
                kind: Spicepod
                name: cache
                %s
                datasets:
                  - from: %s
                    name: items
                    acceleration: {enabled: true, engine: duckdb}
                """.formatted(runtime, source);
    }

    private static HttpResponse<String> sql(Spiced spiced, String sql, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(spiced.url("/v1/sql")))
                .POST(HttpRequest.BodyPublishers.ofString(sql));
        if (headers.length > 0) {
            b.headers(headers);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    private static Optional<String> xCache(HttpResponse<String> r) {
        return r.headers().firstValue("X-Cache");
    }

    private static JsonNode cacheStats(Spiced spiced) throws Exception {
        return JSON.readTree(spiced.get("/v1/status").body()).get("results_cache");
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCacheUntilItsDatasetIsRefreshed(@TempDir Path dir) throws Exception {
        try (SourceServer source = new SourceServer(null, null)) {
            source.put("/items.csv", "id,name\n1,a\n2,b\n", "text/csv");
            Files.writeString(dir.resolve("spicepod.yaml"), spicepod(source.url("/items.csv"),
                    "runtime:\n  results_cache:\n    item_ttl: 5m\n    max_size: 16MiB\n"));
            try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
                spiced.awaitReady(Duration.ofSeconds(60));
                HttpResponse<String> miss = sql(spiced, QUERY);
                assertEquals(Optional.of("Miss from spiceai"), xCache(miss));
                assertEquals(Optional.of("MISS"), miss.headers().firstValue("Results-Cache-Status"));
                assertEquals("[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]", miss.body());
                HttpResponse<String> hit = sql(spiced, QUERY);
                assertEquals(Optional.of("Hit from spiceai"), xCache(hit));
                assertEquals(miss.body(), hit.body());
                // The same entry answers any format and the Flight SQL JDBC driver.
                assertEquals("id,name\n1,a\n2,b\n", sql(spiced, QUERY, "Accept", "text/csv").body()
                        .replace("\r\n", "\n"));
                try (Connection c = DriverManager.getConnection(spiced.jdbcUrl());
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(QUERY)) {
                    assertTrue(rs.next());
                    assertEquals("a", rs.getString("name"));
                }
                JsonNode stats = cacheStats(spiced);
                assertEquals(3, stats.get("hits").asLong(), stats.toString());
                assertEquals(1, stats.get("misses").asLong(), stats.toString());
                assertEquals(1, stats.get("entries").asLong(), stats.toString());
                assertTrue(stats.get("size_bytes").asLong() > 0, stats.toString());

                // Fresh on request; the clock is never cached.
                HttpResponse<String> bypass = sql(spiced, QUERY, "Cache-Control", "no-cache");
                assertEquals(Optional.of("BYPASS"), bypass.headers().firstValue("Results-Cache-Status"));
                assertEquals(Optional.empty(), xCache(bypass));
                sql(spiced, "SELECT now() AS t, count(*) AS n FROM items");
                HttpResponse<String> clock = sql(spiced, "SELECT now() AS t, count(*) AS n FROM items");
                assertEquals(Optional.empty(), xCache(clock));
                assertEquals(Optional.empty(), clock.headers().firstValue("Results-Cache-Status"));

                // A refresh with new rows drops the entry: the first answer with the new rows is a miss.
                source.put("/items.csv", "id,name\n1,a\n2,b\n3,c\n", "text/csv");
                HttpResponse<String> refresh = HTTP.send(HttpRequest.newBuilder(
                        URI.create(spiced.url("/v1/datasets/items/acceleration/refresh")))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, refresh.statusCode(), refresh.body());
                HttpResponse<String>[] last = new HttpResponse[1];
                spiced.awaitTrue(Duration.ofSeconds(20), "the refreshed rows", () -> {
                    try {
                        last[0] = sql(spiced, QUERY);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    if (last[0].body().equals(miss.body())) {
                        assertEquals(Optional.of("Hit from spiceai"), xCache(last[0]), "old rows come from the cache");
                        return false;
                    }
                    return true;
                });
                assertEquals(Optional.of("Miss from spiceai"), xCache(last[0]));
                assertTrue(last[0].body().endsWith("{\"id\":3,\"name\":\"c\"}]"), last[0].body());
                HttpResponse<String> again = sql(spiced, QUERY);
                assertEquals(Optional.of("Hit from spiceai"), xCache(again));
                assertEquals(last[0].body(), again.body());
            }
        }
    }

    @Test
    void byDefaultAnEntryLivesOneSecond(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("items.csv"), "id,name\n1,a\n");
        Files.writeString(dir.resolve("spicepod.yaml"), spicepod("file:items.csv", ""));
        try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
            spiced.awaitReady(Duration.ofSeconds(60));
            assertEquals(Optional.of("Miss from spiceai"), xCache(sql(spiced, QUERY)));
            assertEquals(Optional.of("Hit from spiceai"), xCache(sql(spiced, QUERY)));
            Thread.sleep(1300);
            assertEquals(Optional.of("Miss from spiceai"), xCache(sql(spiced, QUERY)));
        }
    }

    @Test
    void aDisabledCacheNeverAnswers(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("items.csv"), "id,name\n1,a\n");
        Files.writeString(dir.resolve("spicepod.yaml"), spicepod("file:items.csv",
                "runtime:\n  results_cache:\n    enabled: false\n"));
        try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
            spiced.awaitReady(Duration.ofSeconds(60));
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = sql(spiced, QUERY);
                assertEquals("[{\"id\":1,\"name\":\"a\"}]", r.body());
                assertEquals(Optional.empty(), xCache(r));
                assertFalse(r.headers().firstValue("Results-Cache-Status").isPresent());
            }
            assertFalse(cacheStats(spiced).get("enabled").asBoolean());
            assertFalse(spiced.output().contains("runtime.results_cache is accepted but not yet applied"));
        }
    }
}

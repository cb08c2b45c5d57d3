package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Append refreshes with a primary key and upsert, and retention, on both engines, against a
 * local HTTP source whose rows change between refreshes.
 */
class AppendIT {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private static String row(int id, String status, LocalDateTime ts) {
        return "{\"id\": " + id + ", \"status\": \"" + status + "\", \"ts\": \"" + ISO.format(ts) + "\"}\n";
    }

    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"arrow", "duckdb"})
    void appendFetchesNewerRowsUpsertsByKeyAndRetentionDropsOldRows(String engine, @TempDir Path dir) throws Exception {
        LocalDateTime now = LocalDateTime.now().withNano(0);
        try (SourceServer source = new SourceServer(null, null)) {
            source.put("/events.ndjson", row(1, "open", now.minusDays(40)) + row(2, "open", now.minusHours(3))
                    + row(3, "open", now.minusHours(2)), "application/x-ndjson");
            Files.writeString(dir.resolve("spicepod.yaml"), """
                    version: v1
                    kind: Spicepod
                    name: append
                    datasets:
                      - from: %s
                        name: events
                        time_column: ts
                        acceleration:
                          enabled: true
                          engine: %s
                          refresh_mode: append
                          refresh_check_interval: 1s
                          refresh_append_overlap: 10m
                          primary_key: id
                          on_conflict: {id: upsert}
                          retention_check_enabled: true
                          retention_period: 30d
                          retention_check_interval: 1s
                    """.formatted(source.url("/events.ndjson"), engine));
            try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
                spiced.awaitReady(Duration.ofSeconds(60));
                spiced.awaitTrue(Duration.ofSeconds(15), "retention to drop the 40-day-old row",
                        () -> spiced.body("SELECT id FROM events ORDER BY id").equals("[{\"id\":2},{\"id\":3}]"));
                spiced.awaitOutput("Retention removed 1 rows");

                // A new row, an update of row 3 with a newer time, and a change to row 2 with its old
                // time (older than the checkpoint minus overlap: an append must not fetch it).
                source.put("/events.ndjson", row(1, "open", now.minusDays(40)) + row(2, "edited", now.minusHours(3))
                        + row(3, "closed", now.minusMinutes(1)) + row(4, "open", now), "application/x-ndjson");
                spiced.awaitTrue(Duration.ofSeconds(15), "the append", () -> spiced.body(
                        "SELECT id, status FROM events ORDER BY id").equals(
                        "[{\"id\":2,\"status\":\"open\"},{\"id\":3,\"status\":\"closed\"},{\"id\":4,\"status\":\"open\"}]"));
                spiced.awaitOutput("Appended 1 rows to dataset events (3 rows");
                // Later refreshes re-read the overlap (row 3, 4) without duplicating them.
                Thread.sleep(2500);
                assertEquals("[{\"n\":3}]", spiced.body("SELECT count(*) AS n FROM events"));
            }
        }
    }

    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"arrow", "duckdb"})
    void theDataWindowAndRetentionFollowTheRuntimesClock(String engine, @TempDir Path dir) throws Exception {
        LocalDateTime now = LocalDateTime.now().withNano(0);
        try (SourceServer source = new SourceServer(null, null)) {
            // Seen from a clock 25 days ahead: row 1 is 35 days old, row 2 is 26 days old, row 3 is 24.
            source.put("/events.ndjson", row(1, "a", now.minusDays(10)) + row(2, "b", now.minusDays(1))
                    + row(3, "c", now.plusDays(1)), "application/x-ndjson");
            Files.writeString(dir.resolve("spicepod.yaml"), """
                    version: v1
                    kind: Spicepod
                    name: clock
                    datasets:
                      - from: %s
                        name: events
                        time_column: ts
                        acceleration:
                          enabled: true
                          engine: %s
                          refresh_data_window: 30d
                      - from: %s
                        name: kept
                        time_column: ts
                        acceleration:
                          enabled: true
                          engine: %s
                          retention_check_enabled: true
                          retention_period: 25d
                          retention_check_interval: 1s
                    """.formatted(source.url("/events.ndjson"), engine, source.url("/events.ndjson"), engine));
            try (Spiced spiced = Spiced.start(dir, null, Map.of("JAVA_OPTS", "-Dpaprika.clock.offset=P25D"))) {
                spiced.awaitReady(Duration.ofSeconds(60));
                assertEquals("[{\"id\":2},{\"id\":3}]", spiced.body("SELECT id FROM events ORDER BY id"));
                spiced.awaitTrue(Duration.ofSeconds(15), "retention by the shifted clock", () -> spiced.body(
                        "SELECT id FROM kept ORDER BY id").equals("[{\"id\":3}]"));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aFileAccelerationServesItsRowsAfterARestartEvenWithTheSourceDown(@TempDir Path dir) throws Exception {
        LocalDateTime now = LocalDateTime.now().withNano(0);
        try (SourceServer source = new SourceServer(null, null)) {
            source.put("/events.ndjson", row(1, "open", now.minusHours(2)) + row(2, "open", now.minusHours(1)),
                    "application/x-ndjson");
            Files.writeString(dir.resolve("spicepod.yaml"), """
                    version: v1
                    kind: Spicepod
                    name: persistent
                    datasets:
                      - from: %s
                        name: events
                        time_column: ts
                        acceleration:
                          enabled: true
                          engine: duckdb
                          mode: file
                          refresh_mode: append
                          primary_key: id
                          refresh_retry_max_attempts: 1
                    """.formatted(source.url("/events.ndjson")));
            String loadedAt;
            try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
                spiced.awaitReady(Duration.ofSeconds(60));
                assertEquals("[{\"n\":2}]", spiced.body("SELECT count(*) AS n FROM events"));
                loadedAt = lastRefresh(spiced);
            }
            source.failNext("/events.ndjson", 1000);
            try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
                spiced.awaitReady(Duration.ofSeconds(60));
                assertEquals("[{\"n\":2}]", spiced.body("SELECT count(*) AS n FROM events"),
                        "the rows come from the file while the source is down");
                assertEquals(loadedAt, lastRefresh(spiced), "the refresh history survives the restart");
                spiced.awaitOutput("reopened its duckdb file with 2 rows");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aKillDuringARefreshLeavesTheLastGoodTableIntact(@TempDir Path dir) throws Exception {
        try (java.sql.Connection c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties());
                java.sql.Statement st = c.createStatement()) {
            st.execute("COPY (SELECT i AS id, 'v' || i AS v FROM range(4000000) t(i)) TO '" + dir.resolve("big.parquet")
                    + "' (FORMAT parquet)");
        }
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: crash
                datasets:
                  - from: file:big.parquet
                    name: big
                    acceleration: {enabled: true, engine: duckdb, mode: file}
                """);
        Spiced first = Spiced.start(dir, null, Map.of());
        try {
            first.awaitReady(Duration.ofSeconds(90));
            // A one-off refresh_sql makes it a real reload (not a "source unchanged" skip).
            HttpClientHolder.post(first.url("/v1/datasets/big/acceleration/refresh"), "{\"refresh_sql\": \"SELECT * FROM big\"}");
            first.awaitTrue(Duration.ofSeconds(30), "the refresh to start", () -> refreshing(first));
            Thread.sleep(300);
        } finally {
            first.process().destroyForcibly().waitFor();
        }
        try (Spiced second = Spiced.start(dir, null, Map.of())) {
            second.awaitReady(Duration.ofSeconds(90));
            assertEquals("[{\"n\":4000000,\"distinct_ids\":4000000}]",
                    second.body("SELECT count(*) AS n, count(DISTINCT id) AS distinct_ids FROM big"));
            second.awaitTrue(Duration.ofSeconds(90), "a full refresh after the crash", () -> second.output()
                    .contains("Loaded 4000000 rows"));
        }
    }

    private static String lastRefresh(Spiced spiced) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(spiced.get("/v1/datasets?status=true").body())
                .get(0).get("last_refresh_time").asText();
    }

    private static boolean refreshing(Spiced spiced) {
        try {
            return spiced.get("/v1/datasets").body().contains("\"status\":\"Refreshing\"");
        } catch (Exception e) {
            return false;
        }
    }

    /** POSTs a body. */
    private static final class HttpClientHolder {
        private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

        static void post(String url, String body) throws Exception {
            CLIENT.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }
}

package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution run as a user runs it: {@code bin/spiced} on a spicepod over a local HTTP server
 * with basic auth serving CSV, JSON and Parquet, including both spicepods of the Spice
 * microservice guide with only the URL changed.
 */
class HttpSourceIT {
    private static final String USER = "api-user";
    private static final String PASSWORD = "s3cret-Pa55";
    private static SourceServer source;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void serveSources() throws Exception {
        source = new SourceServer(USER, PASSWORD);
        source.put("/data/cities.csv", "id,city,population\n1,Oslo,709000\n2,Lima,10000000\n3,Pune,3124000\n", "text/csv");
        source.put("/v1/products", """
                [{"id": 1, "name": "Phone", "category": "electronics", "status": "active", "price": 299.5},
                 {"id": 2, "name": "Lamp", "category": "home", "status": "active", "price": 20.0},
                 {"id": 3, "name": "Radio", "category": "electronics", "status": "retired", "price": 35.0},
                 {"id": 4, "name": "Laptop", "category": "electronics", "status": "active", "price": 1299.0}]
                """, "application/json");
        LocalDateTime now = LocalDateTime.now().withNano(0);
        // Always with seconds: DuckDB detects `2026-01-02T03:04:05` as a timestamp, not `2026-01-02T03:04`.
        java.util.function.Function<LocalDateTime, String> iso = t -> t.format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        source.put("/v1/interactions", String.join("\n",
                "{\"interaction_id\": 1, \"customer\": \"ann\", \"interaction_timestamp\": \"" + iso.apply(now.minusDays(1)) + "\"}",
                "{\"interaction_id\": 2, \"customer\": \"bob\", \"interaction_timestamp\": \"" + iso.apply(now.minusDays(10)) + "\"}",
                "{\"interaction_id\": 3, \"customer\": \"cid\", \"interaction_timestamp\": \"" + iso.apply(now.minusDays(400)) + "\"}")
                + "\n", "application/x-ndjson");
        Path parquet = tmp.resolve("trips.parquet");
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties());
                Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i AS trip_id, i * 1.5 AS fare, 'zone-' || (i % 3) AS zone FROM range(1, 1001) t(i)) TO '"
                    + parquet + "' (FORMAT parquet)");
        }
        source.put("/data/trips.parquet", Files.readAllBytes(parquet), "application/octet-stream");
    }

    @AfterAll
    static void stop() {
        source.close();
    }

    @Test
    void loadsCsvJsonAndParquetOverBasicAuthAndQueriesThem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: e2e
                datasets:
                  - from: %s
                    name: cities
                    params: {http_username: api-user, http_password: "${secrets:SOURCE_PASSWORD}"}
                    acceleration: {enabled: true, engine: duckdb}
                  - from: %s
                    name: all-products
                    params: {http_username: api-user, http_password: "${secrets:SOURCE_PASSWORD}"}
                    acceleration: {enabled: true, engine: arrow}
                  - from: %s
                    name: trips
                    params: {http_username: api-user, http_password: "${secrets:SOURCE_PASSWORD}"}
                    acceleration: {enabled: true, engine: duckdb}
                """.formatted(source.url("/data/cities.csv"), source.url("/v1/products"), source.url("/data/trips.parquet")));
        try (Spiced spiced = Spiced.start(dir, null, Map.of("SPICE_SOURCE_PASSWORD", PASSWORD))) {
            spiced.awaitReady(Duration.ofSeconds(60));
            assertEquals("[{\"city\":\"Lima\",\"population\":10000000}]",
                    spiced.sql("SELECT city, population FROM cities WHERE id = 2").body());
            assertEquals("[{\"n\":4,\"total\":1653.5}]",
                    spiced.sql("SELECT count(*) AS n, sum(price) AS total FROM \"all-products\"").body());
            assertEquals("[{\"n\":1000,\"z\":3}]",
                    spiced.sql("SELECT count(*) AS n, count(DISTINCT zone) AS z FROM trips").body());
            assertEquals("[{\"trip_id\":1,\"city\":\"Oslo\"}]", spiced.sql(
                    "SELECT t.trip_id, c.city FROM trips t JOIN cities c ON c.id = t.trip_id WHERE t.trip_id = 1").body(),
                    "a join of two datasets in one engine runs whole in it");

            HttpResponse<String> csv = spiced.sql("SELECT id, city FROM cities ORDER BY id", "text/csv");
            assertEquals("text/csv", csv.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertEquals("id,city\n1,Oslo\n2,Lima\n3,Pune\n", csv.body());
            HttpResponse<String> text = spiced.sql("SELECT id, city FROM cities ORDER BY id LIMIT 1", "text/plain");
            assertEquals("+----+------+\n| id | city |\n+----+------+\n| 1  | Oslo |\n+----+------+\n", text.body());

            HttpResponse<String> bad = spiced.sql("SELECT nope FROM cities");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("nope"), bad.body());
            HttpResponse<String> unknown = spiced.sql("SELECT * FROM missing_table");
            assertEquals(400, unknown.statusCode());
            assertTrue(unknown.body().contains("missing_table") && unknown.body().contains("cities, all-products, trips"),
                    unknown.body());
            HttpResponse<String> write = spiced.sql("DROP TABLE cities");
            assertEquals(400, write.statusCode());
            assertEquals(3, Integer.parseInt(spiced.sql("SELECT count(*) AS n FROM cities").body().replaceAll("\\D", "")));

            String datasets = spiced.get("/v1/datasets?status=true").body();
            assertTrue(datasets.contains("\"name\":\"all-products\"") && datasets.contains("\"status\":\"Ready\""), datasets);
            spiced.awaitOutput("Loaded 1000 rows");
            assertTrue(spiced.output().lines().anyMatch(l -> l.contains("for dataset trips in")
                    && l.contains("the engine read the source file itself")), "duckdb reads the Parquet in place");
            assertTrue(spiced.output().lines().anyMatch(l -> l.contains("for dataset all-products in")
                    && !l.contains("the engine read the source file itself")), "the memory engine takes Arrow batches");
            assertFalse(spiced.output().contains(PASSWORD), "the password never reaches the log");
            assertFalse(datasets.contains(PASSWORD), "the password never reaches the API");
        }
    }

    @Test
    void aBadLineDeepInTheFileFailsTheLoadNamingTheLineInEitherEngine(@TempDir Path dir) throws Exception {
        // Past what DuckDB samples to detect the columns, so the read fails while loading, not before.
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 1; i <= 30_000; i++) {
            csv.append(i).append(",n").append(i).append('\n');
        }
        source.put("/data/ragged.csv", csv.append("30001,x,extra\n").toString(), "text/csv");
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: ragged
                datasets:
                  - {from: %1$s, name: in_duckdb, params: %3$s, acceleration: {enabled: true, engine: duckdb}}
                  - {from: %1$s, name: in_memory, params: %3$s, acceleration: {enabled: true, engine: arrow}}
                  - {from: %2$s, name: cities, params: %3$s, acceleration: {enabled: true, engine: duckdb}}
                """.formatted(source.url("/data/ragged.csv"), source.url("/data/cities.csv"),
                "{http_username: api-user, http_password: s3cret-Pa55}"));
        try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
            spiced.awaitTrue(Duration.ofSeconds(60), "both loads to fail", () -> {
                try {
                    return spiced.get("/v1/datasets?status=true").body().split("CSV Error on Line: 30002", -1).length == 3;
                } catch (Exception e) {
                    return false;
                }
            });
            String datasets = spiced.get("/v1/datasets?status=true").body();
            String expected = "dataset `%s`: cannot read " + source.url("/data/ragged.csv") + ": ";
            assertTrue(datasets.contains(expected.formatted("in_duckdb")) && datasets.contains(expected.formatted("in_memory")),
                    datasets);
            assertTrue(datasets.contains("check file_format and the csv_* params"), datasets);
            assertFalse(datasets.contains("/tmp/") || datasets.contains("load failed"), datasets);
            assertEquals("[{\"n\":3}]", spiced.body("SELECT count(*) AS n FROM cities"));
        }
    }

    @Test
    void aFailingSourceIsReportedWithoutItsSecretsAndOthersKeepServing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: leaky
                datasets:
                  - from: %s
                    name: cities
                    params: {http_username: api-user, http_password: "${secrets:SOURCE_PASSWORD}"}
                  - from: %s
                    name: missing
                    params: {http_username: api-user, http_password: "${secrets:SOURCE_PASSWORD}"}
                  - from: %s
                    name: locked
                    params: {http_username: api-user, http_password: wrong-password}
                """.formatted(source.url("/data/cities.csv"), source.url("/private/${secrets:SOURCE_PASSWORD}/x.csv"),
                source.url("/data/cities.csv")));
        try (Spiced spiced = Spiced.start(dir, null, Map.of("SPICE_SOURCE_PASSWORD", PASSWORD))) {
            spiced.awaitTrue(Duration.ofSeconds(60), "both failures to be reported", () -> {
                try {
                    String body = spiced.get("/v1/datasets").body();
                    return body.contains("404") && body.contains("401");
                } catch (Exception e) {
                    return false;
                }
            });
            String datasets = spiced.get("/v1/datasets").body();
            assertTrue(datasets.contains("/private/********/x.csv"), "the secret in the URL is masked: " + datasets);
            assertTrue(datasets.contains("\"name\":\"locked\"") && datasets.contains("http_username"), datasets);
            spiced.awaitTrue(Duration.ofSeconds(30), "cities to serve beside the failures",
                    () -> spiced.body("SELECT count(*) AS n FROM cities").equals("[{\"n\":3}]"));
            assertEquals(503, spiced.sql("SELECT * FROM missing").statusCode());
            assertEquals(503, spiced.get("/v1/ready").statusCode());
            assertFalse(datasets.contains(PASSWORD), datasets);
            String pods = spiced.get("/v1/spicepods").body();
            assertTrue(pods.contains("\"http_password\":\"********\"") && pods.contains("/private/********/x.csv"), pods);
            assertFalse(pods.contains(PASSWORD), pods);
            assertFalse(spiced.output().contains(PASSWORD), spiced.output());
            spiced.awaitOutput("/private/********/x.csv");
        }
    }

    @Test
    void refreshesOnScheduleSkippingUnchangedSources(@TempDir Path dir) throws Exception {
        source.put("/data/counter.csv", "id\n1\n", "text/csv");
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: refresh
                datasets:
                  - from: %s
                    name: counter
                    params: {http_username: api-user, http_password: "${secrets:SOURCE_PASSWORD}"}
                    acceleration: {enabled: true, refresh_check_interval: 1s}
                """.formatted(source.url("/data/counter.csv")));
        try (Spiced spiced = Spiced.start(dir, null, Map.of("SPICE_SOURCE_PASSWORD", PASSWORD))) {
            spiced.awaitReady(Duration.ofSeconds(60));
            assertEquals("[{\"n\":1}]", spiced.sql("SELECT count(*) AS n FROM counter").body());
            spiced.awaitTrue(Duration.ofSeconds(15), "an unchanged refresh",
                    () -> spiced.output().contains("Dataset counter is unchanged at the source; kept 1 rows"));
            source.put("/data/counter.csv", "id\n1\n2\n3\n", "text/csv");
            spiced.awaitTrue(Duration.ofSeconds(15), "the refresh to load the new rows",
                    () -> spiced.body("SELECT count(*) AS n FROM counter").equals("[{\"n\":3}]"));
        }
    }

    @Test
    void bothSpicepodsOfTheMicroserviceGuideLoadAsWritten(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("catalog"));
        Files.writeString(dir.resolve("catalog/spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: product-catalog
                datasets:
                - from: %s
                  name: products
                  description: Product catalog data for active electronics category
                  params:
                    http_username: api-user
                    http_password: ${secrets:API_KEY}
                  acceleration:
                    enabled: true
                    engine: duckdb
                    refresh_mode: full # Replace entire dataset on each refresh
                    refresh_sql: | # Accelerate specific product subset
                      SELECT * FROM products
                      WHERE category = 'electronics'
                      AND status = 'active'
                    refresh_check_interval: 1h # Refresh hourly or via API
                """.formatted(source.url("/v1/products")));
        try (Spiced spiced = Spiced.start(dir, null, Map.of("API_KEY", PASSWORD), "catalog")) {
            spiced.awaitReady(Duration.ofSeconds(60));
            assertEquals("[{\"name\":\"Laptop\"},{\"name\":\"Phone\"}]",
                    spiced.sql("SELECT name FROM products ORDER BY name").body(), "refresh_sql filters what is loaded");
        }

        Path portal = Files.createDirectories(dir.resolve("portal"));
        Files.writeString(portal.resolve(".env"), "CUSTOMER_API_KEY=" + PASSWORD + "\n");
        Files.writeString(portal.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: customer-portal
                datasets:
                - from: %s
                  name: customer-interactions
                  description: Customer support interactions and engagement history
                  time_column: interaction_timestamp # Column used to track when data is updated
                  params:
                    http_username: api-user
                    http_password: ${secrets:CUSTOMER_API_KEY}
                    client_timeout: 30s
                  acceleration:
                    enabled: true
                    engine: duckdb # Persist the accelerated data to a DuckDB file
                    mode: file
                    refresh_mode: append # Append only the data that has changed since the last refresh
                    refresh_sql: | # Configure the initial load of the dataset to only load data from the last 90 days
                      SELECT * FROM customer_interactions
                      WHERE interaction_timestamp >= NOW() - INTERVAL '90 days'
                    primary_key: interaction_id # Primary key is required if data is updated in place as opposed to only appending new data
                    on_conflict:
                      interaction_id: upsert # Tell the runtime how to handle conflicts when updating data in place, i.e. update the existing row with the new data
                    refresh_check_interval: 30s # Refresh the data every 30 seconds
                    refresh_retry_enabled: true # Retry the refresh if it fails
                    refresh_retry_max_attempts: 3 # Retry the refresh up to 3 times
                    retention_check_enabled: true # Check if the data is older than the retention period
                    retention_period: 90d # Retain the data for 90 days
                    retention_check_interval: 24h # Run a cleanup of old data every 24 hours
                """.formatted(source.url("/v1/interactions")));
        try (Spiced spiced = Spiced.start(portal, null, Map.of())) {
            spiced.awaitReady(Duration.ofSeconds(60));
            assertEquals("[{\"customer\":\"ann\"},{\"customer\":\"bob\"}]", spiced.sql(
                    "SELECT customer FROM \"customer-interactions\" ORDER BY interaction_id").body());
            assertFalse(spiced.output().contains("not yet applied"), "every key of the guide is acted on: "
                    + spiced.output());
            try (var files = Files.walk(portal.resolve(".spice"))) {
                assertTrue(files.anyMatch(p -> p.toString().endsWith(".db")), "mode: file keeps a DuckDB file");
            }
        }
    }
}

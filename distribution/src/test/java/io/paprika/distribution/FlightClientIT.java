package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrow's own FlightSqlClient and a plain FlightClient (SQL as the ticket, as Spice allows). */
class FlightClientIT {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void flightSqlClientAndPlainFlightClientQueryTheRuntime(@TempDir Path dir) throws Exception {
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties()); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i AS id FROM range(1000) t(i)) TO '" + dir.resolve("ids.parquet") + "' (FORMAT parquet)");
        }
        // Accepts connections and never answers: a dataset over it stays loading.
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
            Files.writeString(dir.resolve("spicepod.yaml"), """
                    version: v1
                    kind: Spicepod
                    name: flight-client
                    datasets:
                      - from: file:ids.parquet
                        name: ids
                        acceleration: {enabled: true, engine: duckdb}
                      - from: http://127.0.0.1:%d/never.csv
                        name: sleepy
                        params: {client_timeout: 10m}
                    """.formatted(silent.getLocalPort()));
            queryTheRuntime(dir);
        }
    }

    @Test
    void aStatementIsDescribedAnewOnceItsDatasetChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("items.parquet");
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties()); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i AS id FROM range(10) t(i)) TO '" + file + "' (FORMAT parquet)");
        }
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: shapes
                datasets:
                  - {from: file:items.parquet, name: items, acceleration: {enabled: true, engine: duckdb}}
                """);
        try (Spiced spiced = Spiced.start(dir, null, Map.of()); RootAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator,
                        Location.forGrpcInsecure("127.0.0.1", spiced.flightPort())).build();
                FlightSqlClient sql = new FlightSqlClient(client)) {
            spiced.awaitReady(Duration.ofSeconds(60));
            assertEquals(List.of("id"), columns(sql.execute("SELECT * FROM items")));
            assertEquals(List.of("id"), columns(sql.execute("SELECT * FROM items")), "kept by text");

            try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties()); Statement s = c.createStatement()) {
                s.execute("COPY (SELECT i AS id, 'n' || i AS name FROM range(10) t(i)) TO '" + file + "' (FORMAT parquet)");
            }
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(spiced.url("/v1/datasets/items/acceleration/refresh")))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            spiced.awaitTrue(Duration.ofSeconds(30), "the new column to load",
                    () -> spiced.body("SELECT * FROM items WHERE id = 1").contains("\"name\":\"n1\""));
            assertEquals(List.of("id", "name"), columns(sql.execute("SELECT * FROM items")),
                    "the kept shape was dropped when the rows changed");
        }
    }

    private static List<String> columns(FlightInfo info) {
        return info.getSchemaOptional().orElseThrow().getFields().stream().map(f -> f.getName()).toList();
    }

    private void queryTheRuntime(Path dir) throws Exception {
        try (Spiced spiced = Spiced.start(dir, null, Map.of()); RootAllocator allocator = new RootAllocator()) {
            spiced.awaitTrue(Duration.ofSeconds(60), "ids to load",
                    () -> spiced.body("SELECT count(*) AS n FROM ids").equals("[{\"n\":1000}]"));
            Location location = Location.forGrpcInsecure("127.0.0.1", spiced.flightPort());
            try (FlightClient client = FlightClient.builder(allocator, location).build();
                    FlightSqlClient sql = new FlightSqlClient(client)) {
                FlightInfo info = sql.execute("SELECT CAST(sum(id) AS BIGINT) AS total FROM ids");
                assertEquals("total", info.getSchemaOptional().orElseThrow().getFields().get(0).getName());
                assertEquals(List.of(499_500L), longs(client, info.getEndpoints().get(0).getTicket()));

                assertEquals(List.of(1000L), longs(client, new Ticket("SELECT count(*) FROM ids".getBytes(StandardCharsets.UTF_8))));
                FlightInfo plain = client.getInfo(FlightDescriptor.command(
                        "SELECT id FROM ids WHERE id < 3 ORDER BY id".getBytes(StandardCharsets.UTF_8)));
                assertEquals(List.of(0L, 1L, 2L), longs(client, plain.getEndpoints().get(0).getTicket()));
                assertEquals("id", client.getSchema(FlightDescriptor.path("ids")).getSchema().getFields().get(0).getName());

                List<String> flights = new ArrayList<>();
                client.listFlights(org.apache.arrow.flight.Criteria.ALL).forEach(f -> flights.add(
                        f.getDescriptor().getPath().get(0) + ":" + f.getRecords()));
                assertEquals(List.of("ids:1000", "sleepy:-1"), flights);

                assertEquals(CallStatus.NOT_FOUND.code(), assertThrows(FlightRuntimeException.class,
                        () -> sql.execute("SELECT * FROM nowhere")).status().code());
                assertEquals(CallStatus.INVALID_ARGUMENT.code(), assertThrows(FlightRuntimeException.class,
                        () -> sql.execute("SELECT nope FROM ids")).status().code());
                FlightRuntimeException loading = assertThrows(FlightRuntimeException.class,
                        () -> sql.execute("SELECT * FROM sleepy"));
                assertEquals(CallStatus.UNAVAILABLE.code(), loading.status().code());
                assertTrue(loading.getMessage().contains("still loading"), loading.getMessage());
                List<String> typeNames = new ArrayList<>();
                try (FlightStream types = sql.getStream(sql.getXdbcTypeInfo().getEndpoints().get(0).getTicket())) {
                    while (types.next()) {
                        for (int i = 0; i < types.getRoot().getRowCount(); i++) {
                            typeNames.add(types.getRoot().getVector("type_name").getObject(i).toString());
                        }
                    }
                }
                assertTrue(typeNames.containsAll(List.of("BIGINT", "VARCHAR", "DOUBLE", "TIMESTAMP")), typeNames.toString());
                try (FlightStream sqlInfo = sql.getStream(sql.getSqlInfo(
                        org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo.FLIGHT_SQL_SERVER_NAME).getEndpoints().get(0)
                        .getTicket())) {
                    assertTrue(sqlInfo.next());
                    assertTrue(sqlInfo.getRoot().contentToTSVString().contains("Paprika"), sqlInfo.getRoot().contentToTSVString());
                }
                client.handshake();
            }
        }
    }

    @Test
    void anEngineRemovedMidQueryEndsTheStreamWithAnError(@TempDir Path dir) throws Exception {
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties()); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i AS id, 'x' || i AS v FROM range(3000000) t(i)) TO '" + dir.resolve("many.parquet")
                    + "' (FORMAT parquet)");
        }
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: removal
                datasets:
                  - from: file:many.parquet
                    name: many
                    acceleration: {enabled: true, engine: duckdb}
                """);
        Path plugins = Spiced.pluginsWith(dir, "paprika-connector-file", "paprika-accel-duckdb");
        try (Spiced spiced = Spiced.start(dir, plugins, Map.of()); RootAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator,
                        Location.forGrpcInsecure("127.0.0.1", spiced.flightPort())).build()) {
            spiced.awaitReady(Duration.ofSeconds(60));
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (FlightStream stream = client.getStream(new Ticket("SELECT * FROM many".getBytes(StandardCharsets.UTF_8)))) {
                    assertTrue(stream.next(), "the first batch arrives");
                    Thread.sleep(2000);
                    long held = JSON.readTree(spiced.get("/v1/status").body()).get("arrow_memory").get("allocated_bytes")
                            .asLong();
                    assertTrue(held < 16L << 20, "a slow client holds the server back instead of it buffering the "
                            + "whole ~60 MB result; held " + held + " bytes");
                    Files.delete(plugins.resolve("paprika-accel-duckdb.jar"));
                    FlightRuntimeException e = assertThrows(FlightRuntimeException.class, () -> {
                        while (stream.next()) {
                            Thread.sleep(20); // a slow reader: the server is held back, not buffering
                        }
                    });
                    assertEquals(CallStatus.UNAVAILABLE.code(), e.status().code());
                    assertTrue(e.getMessage().contains("engine `duckdb` (bundle io.paprika.accel.duckdb"), e.getMessage());
                }
            });
        }
    }

    @Test
    void theInboundMessageLimitIsConfigurable(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spicepod.yaml"), "version: v1\nkind: Spicepod\nname: small\n");
        try (Spiced spiced = Spiced.start(dir, null, Map.of(), "--flight-max-message-size", "4KiB");
                RootAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator,
                        Location.forGrpcInsecure("127.0.0.1", spiced.flightPort())).build()) {
            spiced.awaitReady(Duration.ofSeconds(60));
            assertEquals(List.of(1L), longs(client, new Ticket(("SELECT CAST(1 AS BIGINT) AS one").getBytes(StandardCharsets.UTF_8))));
            String big = "SELECT 1 AS one -- " + "x".repeat(8192);
            FlightRuntimeException e = assertThrows(FlightRuntimeException.class,
                    () -> longs(client, new Ticket(big.getBytes(StandardCharsets.UTF_8))));
            assertEquals(CallStatus.RESOURCE_EXHAUSTED.code(), e.status().code(), e.getMessage());
        }
    }

    private static List<Long> longs(FlightClient client, Ticket ticket) throws Exception {
        List<Long> out = new ArrayList<>();
        try (FlightStream stream = client.getStream(ticket)) {
            while (stream.next()) {
                BigIntVector v = (BigIntVector) stream.getRoot().getVector(0);
                for (int i = 0; i < stream.getRoot().getRowCount(); i++) {
                    out.add(v.get(i));
                }
            }
        }
        return out;
    }
}

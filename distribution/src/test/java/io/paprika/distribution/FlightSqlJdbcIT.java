package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The Arrow Flight SQL JDBC driver, unchanged, against {@code bin/spiced}. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlightSqlJdbcIT {
    static final int BIG_ROWS = 2_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Spiced spiced;
    static ServerSocket silentSource;

    @BeforeAll
    static void start() throws Exception {
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i AS id, i * 0.5 AS amount, 'row-' || i AS label, TIMESTAMP '2026-01-01' + "
                    + "INTERVAL (i) SECOND AS created_at FROM range(" + BIG_ROWS + ") t(i)) TO '" + dir.resolve("big.parquet")
                    + "' (FORMAT parquet)");
        }
        Files.writeString(dir.resolve("cities.csv"), "id,city,population\n1,Oslo,709000\n2,Lima,10000000\n3,Pune,3124000\n");
        // Accepts connections and never answers: a dataset over it stays loading.
        silentSource = new ServerSocket(0);
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: flight
                datasets:
                  - from: file:cities.csv
                    name: cities
                    acceleration: {enabled: true, engine: arrow, primary_key: id}
                  - from: file:big.parquet
                    name: big
                    acceleration: {enabled: true, engine: duckdb}
                  - from: http://127.0.0.1:%d/never.csv
                    name: sleepy
                    params: {client_timeout: 10m}
                    acceleration: {enabled: true, engine: arrow}
                """.formatted(silentSource.getLocalPort()));
        spiced = Spiced.start(dir, Spiced.pluginsWith(dir, "paprika-connector-file", "paprika-connector-http",
                "paprika-accel-memory", "paprika-accel-duckdb"), Map.of());
        spiced.awaitTrue(Duration.ofSeconds(120), "cities and big to load",
                () -> spiced.body("SELECT count(*) AS n FROM big").equals("[{\"n\":" + BIG_ROWS + "}]")
                        && spiced.body("SELECT count(*) AS n FROM cities").equals("[{\"n\":3}]"));
    }

    @AfterAll
    static void stop() throws Exception {
        spiced.close();
        silentSource.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(spiced.jdbcUrl());
    }

    @Test
    void executeQueryAndPreparedStatementsWithParameters() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT city, population FROM cities WHERE id = 2")) {
            assertTrue(rs.next());
            assertEquals("Lima", rs.getString("city"));
            assertEquals(10_000_000L, rs.getLong(2));
            assertFalse(rs.next());
        }
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT city FROM cities WHERE id = ?")) {
            ps.setLong(1, 3);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("Pune", rs.getString(1));
            }
            ps.setLong(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("Oslo", rs.getString(1));
            }
        }
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("SELECT label, amount FROM big WHERE id = ? AND label = ?")) {
            ps.setLong(1, 42);
            ps.setString(2, "row-42");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(21.0, rs.getDouble("amount"));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void databaseMetaDataDescribesTheDatasets() throws Exception {
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals("Paprika", md.getDatabaseProductName());
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "%", null)) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                    assertEquals("spice", rs.getString("TABLE_CAT"));
                    assertEquals("public", rs.getString("TABLE_SCHEM"));
                }
            }
            assertEquals(List.of("big", "cities", "sleepy"), tables, "ordered by type, catalog, schema, name");
            try (ResultSet rs = md.getTables(null, null, "c%", new String[] {"BASE TABLE"})) {
                assertTrue(rs.next());
                assertEquals("cities", rs.getString("TABLE_NAME"));
                assertFalse(rs.next());
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, null, "cities", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE"));
                }
            }
            assertEquals(List.of("id:" + Types.BIGINT, "city:" + Types.VARCHAR, "population:" + Types.BIGINT), columns);
            try (ResultSet rs = md.getPrimaryKeys(null, null, "cities")) {
                assertTrue(rs.next());
                assertEquals("id", rs.getString("COLUMN_NAME"));
                assertEquals(1, rs.getInt("KEY_SEQ"));
                assertFalse(rs.next());
            }
            // The 18.3 driver answers getTypeInfo from Avatica's defaults without asking the server
            // (GetXdbcTypeInfo is checked with FlightSqlClient in FlightClientIT); it must still work.
            try (ResultSet rs = md.getTypeInfo()) {
                assertEquals("TYPE_NAME", rs.getMetaData().getColumnName(1));
                assertEquals("DATA_TYPE", rs.getMetaData().getColumnName(2));
            }
            try (ResultSet rs = md.getImportedKeys(null, null, "cities")) {
                assertFalse(rs.next());
            }
            try (ResultSet rs = md.getExportedKeys(null, null, "cities")) {
                assertFalse(rs.next());
            }
            try (ResultSet rs = md.getCatalogs()) {
                assertTrue(rs.next());
                assertEquals("spice", rs.getString("TABLE_CAT"));
                assertFalse(rs.next());
            }
            try (ResultSet rs = md.getSchemas()) {
                assertTrue(rs.next());
                assertEquals("public", rs.getString("TABLE_SCHEM"));
                assertFalse(rs.next());
            }
            List<String> tableTypes = new ArrayList<>();
            try (ResultSet rs = md.getTableTypes()) {
                while (rs.next()) {
                    tableTypes.add(rs.getString("TABLE_TYPE"));
                }
            }
            assertEquals(List.of("BASE TABLE", "VIEW"), tableTypes);
        }
    }

    @Test
    void aLargeResultStreamsWithFetchSize() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            long rows = 0;
            long sum = 0;
            try (ResultSet rs = s.executeQuery("SELECT id, amount, label, created_at FROM big")) {
                while (rs.next()) {
                    rows++;
                    sum += rs.getLong(1);
                }
            }
            assertEquals(BIG_ROWS, rows);
            assertEquals((long) BIG_ROWS * (BIG_ROWS - 1) / 2, sum);
        }
    }

    @Test
    void errorsCarryTheEnginesMessageAndTheRightStatus() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLException bad = assertThrows(SQLException.class, () -> s.executeQuery("SELECT nope FROM cities"));
            assertTrue(bad.getMessage().contains("Column \"nope\" not found"), bad.getMessage());
            SQLException missing = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM nowhere"));
            assertTrue(missing.getMessage().contains("table `nowhere` not found; the tables are: cities, big, sleepy"),
                    missing.getMessage());
            SQLException loading = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM sleepy"));
            assertTrue(loading.getMessage().contains("dataset `sleepy` is still loading"), loading.getMessage());
            SQLException write = assertThrows(SQLException.class, () -> s.executeQuery("DELETE FROM cities"));
            assertTrue(write.getMessage().contains("read-only"), write.getMessage());
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM cities")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getLong(1), "the connection still works after errors");
            }
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void cancellingAQueryStopsItAndEveryBufferIsReleased() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            ResultSet rs = s.executeQuery("SELECT * FROM big");
            assertTrue(rs.next());
            s.cancel();
            rs.close();
        }
        spiced.awaitTrue(Duration.ofSeconds(15), "the server to stop the cancelled query",
                () -> spiced.output().contains("Flight query cancelled by the client after"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cancelled by the client after (\\d+) rows")
                .matcher(spiced.output());
        assertTrue(m.find());
        assertTrue(Long.parseLong(m.group(1)) < BIG_ROWS, "stopped early, at " + m.group(1) + " rows");
        // Last of this class: after its queries, errors and this cancellation, nothing stays allocated.
        spiced.awaitTrue(Duration.ofSeconds(15), "Arrow memory back to zero", () -> {
            try {
                return JSON.readTree(spiced.get("/v1/status").body()).get("arrow_memory").get("allocated_bytes")
                        .asLong() == 0;
            } catch (Exception e) {
                return false;
            }
        });
    }
}

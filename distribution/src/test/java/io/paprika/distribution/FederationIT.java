package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One runtime holding datasets in both engines, one read at its source, and views: joins across
 * engines, queries at the source (and how often they reach it), views, the catalog, EXPLAIN.
 */
class FederationIT {
    private static final String ORDERS = "id,customer_id,amount,status\n1,10,5.5,open\n2,11,7.25,closed\n"
            + "3,10,1.0,open\n4,12,3.0,open\n";
    private static final String CUSTOMERS = "id,name\n10,Ann\n11,Bob\n12,Cid\n";
    private static final String EVENTS = "id,kind,customer_id\n1,click,10\n2,view,11\n3,click,12\n4,click,10\n";

    @TempDir
    static Path dir;
    static SourceServer source;
    static Spiced spiced;

    @BeforeAll
    static void start() throws Exception {
        source = new SourceServer(null, null);
        source.put("/orders.csv", ORDERS, "text/csv").put("/customers.csv", CUSTOMERS, "text/csv")
                .put("/events.csv", EVENTS, "text/csv");
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: federation
                datasets:
                  - from: %s
                    name: orders
                    acceleration: {enabled: true, engine: arrow}
                  - from: %s
                    name: customers
                    acceleration: {enabled: true, engine: duckdb}
                  - from: %s
                    name: events
                views:
                  - name: open_orders
                    sql: SELECT o.id, c.name, o.amount FROM orders o JOIN customers c ON o.customer_id = c.id WHERE o.status = 'open'
                  - name: ann_orders
                    sql: SELECT * FROM open_orders WHERE name = 'Ann'
                """.formatted(source.url("/orders.csv"), source.url("/customers.csv"), source.url("/events.csv")));
        spiced = Spiced.start(dir, null, Map.of());
        spiced.awaitReady(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (spiced != null) {
            spiced.close();
        }
        if (source != null) {
            source.close();
        }
    }

    @Test
    void aJoinAcrossEnginesPushesEachSidesFilterIntoItsEngine() throws Exception {
        String join = "SELECT c.name, sum(o.amount) AS total FROM orders o JOIN customers c ON o.customer_id = c.id "
                + "WHERE o.status = 'open' AND c.name <> 'Bob' GROUP BY c.name ORDER BY c.name";
        assertEquals("[{\"name\":\"Ann\",\"total\":6.5},{\"name\":\"Cid\",\"total\":3.0}]", spiced.body(join));
        String plan = spiced.sql("EXPLAIN " + join, "text/csv").body();
        assertTrue(plan.contains("duckdb (federated: its datasets live in different engines)"), plan);
        assertTrue(plan.contains("orders in engine memory: SELECT \"\"id\"\", \"\"customer_id\"\", \"\"amount\"\", "
                + "\"\"status\"\" FROM \"\"orders\"\" WHERE (status = 'open')") || plan.contains(
                "orders in engine memory: SELECT * FROM \"\"orders\"\" WHERE (status = 'open')"), plan);
        assertTrue(plan.contains("customers in engine duckdb (read in place)"), plan);
        // A table named only in ORDER BY is planned like any other.
        assertEquals("[{\"name\":\"Ann\"}]", spiced.body(
                "SELECT name FROM customers ORDER BY (SELECT max(amount) FROM orders) - id DESC, name LIMIT 1"));
    }

    @Test
    void flightPreparedStatementsRunAcrossEnginesAndSources() throws Exception {
        try (Connection c = DriverManager.getConnection(spiced.jdbcUrl());
                var st = c.prepareStatement("SELECT c.name, count(*) AS n FROM orders o JOIN customers c "
                        + "ON o.customer_id = c.id JOIN events e ON e.customer_id = c.id WHERE o.amount > ? "
                        + "GROUP BY c.name ORDER BY c.name")) {
            st.setDouble(1, 2.0);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                assertEquals("name", rs.getMetaData().getColumnName(1));
                while (rs.next()) {
                    rows.add(rs.getString(1) + "=" + rs.getLong(2));
                }
            }
            assertEquals(List.of("Ann=2", "Bob=1", "Cid=1"), rows);
        }
    }

    @Test
    void aDatasetWithoutAccelerationIsReadAtItsSourceOnEveryQuery() throws Exception {
        int before = source.hits("/events.csv");
        assertEquals("[{\"id\":1},{\"id\":3},{\"id\":4}]",
                spiced.body("SELECT id FROM events WHERE kind = 'click' ORDER BY id"));
        assertEquals("[{\"name\":\"Ann\",\"n\":2},{\"name\":\"Cid\",\"n\":1}]", spiced.body(
                "SELECT c.name, count(*) AS n FROM events e JOIN customers c ON e.customer_id = c.id "
                        + "WHERE e.kind = 'click' GROUP BY c.name ORDER BY c.name"));
        assertEquals(before + 2, source.hits("/events.csv"), "one request to the source per query");

        source.put("/events.csv", EVENTS + "5,click,11\n", "text/csv");
        assertEquals("[{\"n\":4}]", spiced.body("SELECT count(*) AS n FROM events WHERE kind = 'click'"));
        String plan = spiced.sql("EXPLAIN SELECT id FROM events WHERE kind = 'click'", "text/csv").body();
        assertTrue(plan.contains("events at source " + source.url("/events.csv") + ": columns "), plan);
        assertTrue(plan.contains("filter (kind = 'click')"), plan);
        source.put("/events.csv", EVENTS, "text/csv");
    }

    @Test
    void viewsAreQueryableAndListedLikeTables() throws Exception {
        assertEquals("[{\"id\":1,\"name\":\"Ann\",\"amount\":5.5},{\"id\":3,\"name\":\"Ann\",\"amount\":1.0}]",
                spiced.body("SELECT * FROM ann_orders ORDER BY id"));
        assertEquals("[{\"n\":3}]", spiced.body("SELECT count(*) AS n FROM open_orders"));
        assertEquals("[{\"table_name\":\"ann_orders\",\"table_type\":\"VIEW\"},"
                + "{\"table_name\":\"customers\",\"table_type\":\"BASE TABLE\"},"
                + "{\"table_name\":\"events\",\"table_type\":\"BASE TABLE\"},"
                + "{\"table_name\":\"open_orders\",\"table_type\":\"VIEW\"},"
                + "{\"table_name\":\"orders\",\"table_type\":\"BASE TABLE\"}]",
                spiced.body("SELECT table_name, table_type FROM information_schema.tables ORDER BY table_name"));
        assertEquals("[{\"column_name\":\"id\",\"data_type\":\"BIGINT\"},{\"column_name\":\"name\",\"data_type\":"
                + "\"VARCHAR\"},{\"column_name\":\"amount\",\"data_type\":\"DOUBLE\"}]",
                spiced.body("SELECT column_name, data_type FROM information_schema.columns "
                        + "WHERE table_name = 'open_orders' ORDER BY ordinal_position"));
    }

    @Test
    void showTablesDescribeInformationSchemaAndGetTablesAgree() throws Exception {
        List<String> shown = names(spiced.sql("SHOW TABLES", "text/csv").body(), 2);
        List<String> info = names(spiced.sql("SELECT table_name FROM information_schema.tables", "text/csv").body(), 0);
        List<String> flight = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(spiced.jdbcUrl());
                ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
            while (rs.next()) {
                flight.add(rs.getString("TABLE_NAME"));
            }
        }
        assertEquals(List.of("orders", "customers", "events", "open_orders", "ann_orders"), shown);
        assertEquals(shown, info);
        assertEquals(shown.stream().sorted().toList(), flight.stream().sorted().toList());
        assertEquals("column_name,data_type,is_nullable\nid,BIGINT,YES\nname,VARCHAR,YES\n",
                spiced.sql("DESCRIBE customers", "text/csv").body());
        HttpResponse<String> missing = spiced.sql("DESCRIBE nope");
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("table `nope` not found"), missing.body());
    }

    @Test
    void whatTheMemoryEngineCannotRunRunsAboveItInDuckDb() throws Exception {
        // H2 has no md5(); the query still answers, computed in the federating engine.
        assertEquals("[{\"h\":\"5d41402abc4b2a76b9719d911017c592\"}]",
                spiced.body("SELECT md5('hello') AS h FROM orders WHERE id = 1"));
    }

    @Test
    void spicepodsListsTheLoadedSpicepod() throws Exception {
        String pods = spiced.get("/v1/spicepods").body();
        assertTrue(pods.startsWith("[{\"name\":\"federation\",\"version\":\"v1\",\"datasets_count\":3,\"views_count\":2,"
                + "\"models_count\":0,\"embeddings_count\":0,\"tools_count\":0,\"datasets\":[{\"name\":\"orders\""), pods);
        assertTrue(pods.contains("{\"name\":\"ann_orders\",\"sql\":\"SELECT * FROM open_orders WHERE name = 'Ann'\"}")
                || pods.contains("\"name\":\"ann_orders\""), pods);
        assertEquals("name,version,datasets_count,views_count,models_count,embeddings_count,tools_count\n"
                + "federation,v1,3,2,0,0,0\n", spiced.get("/v1/spicepods?format=csv").body());
        String datasets = spiced.get("/v1/datasets?format=csv").body();
        assertTrue(datasets.startsWith("from,name,replication_enabled,acceleration_enabled,engine,mode,status"), datasets);
        assertEquals(4, datasets.split("\n").length, datasets);
        String status = spiced.get("/v1/status?format=csv").body();
        assertTrue(status.startsWith("name,address,state\nhttp,127.0.0.1:"), status);
    }

    @Test
    void unknownTablesAreNamedWithWhatExists() throws Exception {
        assertEquals("[{\"n\":4}]", spiced.body("SELECT count(*) AS n FROM spice.public.orders JOIN public.customers c "
                + "ON orders.customer_id = c.id"));
        HttpResponse<String> other = spiced.sql("SELECT * FROM main.orders");
        assertEquals(400, other.statusCode(), other.body());
        assertTrue(other.body().contains("table `main.orders` not found; datasets and views are in spice.public"),
                other.body());
        HttpResponse<String> r = spiced.sql("SELECT * FROM ordrs");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("table `ordrs` not found; the tables are: orders, customers, events, open_orders, "
                + "ann_orders"), r.body());
    }

    private static List<String> names(String csv, int column) {
        List<String> out = new ArrayList<>();
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            out.add(lines[i].split(",")[column]);
        }
        return out;
    }
}

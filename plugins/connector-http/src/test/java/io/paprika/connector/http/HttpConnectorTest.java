package io.paprika.connector.http;

import io.paprika.spi.testing.ScanRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.ConnectorException;
import io.paprika.spi.ScanRequest;
import io.paprika.spi.ScanResult;
import io.paprika.spi.SourceSpec;
import io.paprika.spi.SourceTable;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpConnectorTest {
    private static final String CSV = "id,name,price\n1,apple,0.5\n2,pear,0.75\n3,plum,1.25\n";
    private static final ScanRequest CONDITIONAL = new ScanRequest(List.of(), Optional.empty(), true);

    @TempDir
    Path dir;
    TestServer server;
    RootAllocator allocator;
    final HttpConnector connector = new HttpConnector();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        allocator = new RootAllocator();
    }

    @AfterEach
    void stop() {
        server.close();
        assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory still allocated after streams were closed");
        allocator.close();
    }

    @Test
    void loadsEveryFormat() throws Exception {
        server.serve("/products.csv", "text/csv", bytes(CSV));
        server.serve("/items.json", "application/json", bytes("[{\"id\":1,\"v\":\"a\"},{\"id\":2,\"v\":\"b\"}]"));
        server.serve("/api/events", "application/x-ndjson", bytes("{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n{\"id\":4}\n"));
        server.serve("/data.parquet", "application/octet-stream", parquet());
        server.serve("/sniffed", "application/octet-stream", parquet());

        List<Map<String, String>> products = scan(server.url("/products.csv"), Map.of());
        assertEquals(3, products.size());
        assertEquals("pear", products.get(1).get("name"));
        assertEquals("1.25", products.get(2).get("price"));
        assertEquals("b", scan(server.url("/items.json"), Map.of()).get(1).get("v"));
        assertEquals(4, scan(server.url("/api/events"), Map.of()).size());
        assertEquals(10, scan(server.url("/data.parquet"), Map.of()).size());
        assertEquals("row-7", scan(server.url("/sniffed"), Map.of()).get(7).get("name"));
    }

    @Test
    void appliesColumnsAndFilter() throws Exception {
        server.serve("/products.csv", "text/csv", bytes(CSV));
        SourceTable table = open(server.url("/products.csv"), Map.of());
        List<Map<String, String>> rows = ScanRows.drain(table.scan(
                new ScanRequest(List.of("name"), Optional.of("price > 0.6"), false), allocator));
        assertEquals(List.of(Map.of("name", "pear"), Map.of("name", "plum")), rows);
    }

    @Test
    void basicAuthWithRightAndWrongCredentials() throws Exception {
        String expected = "Basic " + Base64.getEncoder().encodeToString(bytes("reader:s3cr3t-pw"));
        server.on("/secure.csv", ex -> {
            if (expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                TestServer.send(ex, 200, "text/csv", bytes(CSV));
            } else {
                TestServer.send(ex, 401, "text/plain", bytes("who are you"));
            }
        });
        String url = server.url("/secure.csv");
        assertEquals(3, scan(url, Map.of("http_username", "reader", "http_password", "s3cr3t-pw")).size());

        ConnectorException e = assertThrows(ConnectorException.class,
                () -> scan(url, Map.of("http_username", "reader", "http_password", "wrong-pw")));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("dataset `products`"), e.getMessage());
        assertTrue(e.getMessage().contains(url + " answered HTTP 401"), e.getMessage());
        assertTrue(e.getMessage().contains("http_username and http_password"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-pw"), e.getMessage());

        // Credentials in the URL work, and never show up in messages.
        String withUserInfo = url.replace("http://", "http://reader:s3cr3t-pw@");
        assertEquals(3, scan(withUserInfo, Map.of()).size());
        e = assertThrows(ConnectorException.class, () -> scan(withUserInfo.replace("/secure.csv", "/gone.csv"),
                Map.of()));
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertFalse(e.getMessage().contains("reader@"), e.getMessage());
        assertTrue(e.getMessage().contains(server.url("/gone.csv")), e.getMessage());
    }

    @Test
    void gzipContentEncoding() throws Exception {
        server.on("/big.csv", ex -> {
            String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
            if (accept != null && accept.contains("gzip")) {
                ex.getResponseHeaders().set("Content-Encoding", "gzip");
                TestServer.send(ex, 200, "text/csv", TestServer.gzip(bytes(CSV)));
            } else {
                TestServer.send(ex, 406, "text/plain", bytes("gzip only"));
            }
        });
        assertEquals("apple", scan(server.url("/big.csv"), Map.of()).get(0).get("name"));
        // And a gzip file served as-is (no Content-Encoding) decodes too.
        server.serve("/archive.ndjson.gz", "application/gzip", TestServer.gzip(bytes("{\"a\":1}\n{\"a\":2}\n")));
        assertEquals(2, scan(server.url("/archive.ndjson.gz"), Map.of()).size());
    }

    @Test
    void etagGivesNotModified() throws Exception {
        int[] full = {0};
        server.on("/etag.csv", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                TestServer.send(ex, 304, null, new byte[0]);
            } else {
                full[0]++;
                ex.getResponseHeaders().set("ETag", "\"v1\"");
                TestServer.send(ex, 200, "text/csv", bytes(CSV));
            }
        });
        SourceTable table = open(server.url("/etag.csv"), Map.of());
        long before = tempDownloads();
        assertEquals(3, ScanRows.drain(table.scan(CONDITIONAL, allocator)).size());
        ScanResult second = table.scan(CONDITIONAL, allocator);
        assertTrue(second.rows().isEmpty(), "expected notModified on 304");
        assertEquals(before, tempDownloads(), "no download file is left behind, read or not modified");
        // An unconditional scan sends no validator and gets the rows again.
        assertEquals(3, ScanRows.drain(table.scan(ScanRequest.all(), allocator)).size());
        assertEquals(2, full[0]);
    }

    @Test
    void lastModifiedGivesNotModified() throws Exception {
        String stamp = "Wed, 21 Oct 2015 07:28:00 GMT";
        server.on("/lm.csv", ex -> {
            if (stamp.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                TestServer.send(ex, 304, null, new byte[0]);
            } else {
                ex.getResponseHeaders().set("Last-Modified", stamp);
                TestServer.send(ex, 200, "text/csv", bytes(CSV));
            }
        });
        SourceTable table = open(server.url("/lm.csv"), Map.of());
        assertEquals(3, ScanRows.drain(table.scan(CONDITIONAL, allocator)).size());
        assertTrue(table.scan(CONDITIONAL, allocator).rows().isEmpty());
    }

    @Test
    void notFoundAndServerErrors() throws Exception {
        long before = tempDownloads();
        ConnectorException e = assertThrows(ConnectorException.class, () -> scan(server.url("/nope.csv"), Map.of()));
        assertEquals("dataset `products`: " + server.url("/nope.csv") + " answered HTTP 404 (not found); check the URL",
                e.getMessage());

        server.on("/boom.csv", ex -> TestServer.send(ex, 500, "text/plain", bytes("database\nexploded")));
        e = assertThrows(ConnectorException.class, () -> scan(server.url("/boom.csv"), Map.of()));
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("answered HTTP 500 (server error); retry later: database exploded"),
                e.getMessage());

        server.on("/busy.csv", ex -> TestServer.send(ex, 429, "text/plain", bytes("slow down")));
        e = assertThrows(ConnectorException.class, () -> scan(server.url("/busy.csv"), Map.of()));
        assertTrue(e.retryable());

        server.on("/teapot.csv", ex -> TestServer.send(ex, 418, "text/plain", bytes("x".repeat(500))));
        e = assertThrows(ConnectorException.class, () -> scan(server.url("/teapot.csv"), Map.of()));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().endsWith(": " + "x".repeat(200)), e.getMessage());
        assertEquals(before, tempDownloads(), "no download file is left behind by a failed request");
    }

    @Test
    void connectionRefusedIsRetryable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://user:hunter2@127.0.0.1:" + port + "/x.csv";
        ConnectorException e = assertThrows(ConnectorException.class, () -> scan(url, Map.of()));
        assertTrue(e.retryable());
        assertEquals("dataset `products`: cannot connect to http://127.0.0.1:" + port
                + "/x.csv (connection refused or unreachable); check the URL and that the server is up", e.getMessage());
    }

    @Test
    void timeoutIsRetryable() throws Exception {
        server.on("/slow.csv", ex -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            TestServer.send(ex, 200, "text/csv", bytes(CSV));
        });
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> scan(server.url("/slow.csv"), Map.of("client_timeout", "300ms")));
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("within 300ms"), e.getMessage());
        assertTrue(e.getMessage().contains("client_timeout"), e.getMessage());
    }

    @Test
    void sendsConfiguredHeadersAndPortOverride() throws Exception {
        server.on("/h.csv", ex -> {
            boolean ok = "k-123".equals(ex.getRequestHeaders().getFirst("X-Api-Key"))
                    && "acme".equals(ex.getRequestHeaders().getFirst("X-Tenant"));
            TestServer.send(ex, ok ? 200 : 400, "text/csv", bytes(ok ? CSV : "missing headers"));
        });
        int port = server.server.getAddress().getPort();
        List<Map<String, String>> rows = scan("http://127.0.0.1:1/h.csv",
                Map.of("http_headers", "X-Api-Key: k-123; X-Tenant: acme", "http_port", String.valueOf(port)));
        assertEquals(3, rows.size());
    }

    @Test
    void redirectsKeepCredentialsToTheConfiguredOrigin() throws Exception {
        Map<String, String> params = Map.of("http_username", "u", "http_password", "pw",
                "http_headers", "X-Api-Key: k-123");
        try (TestServer other = new TestServer()) {
            other.serve("/final.csv", "text/csv", bytes(CSV));
            server.on("/moved.csv", ex -> {
                ex.getResponseHeaders().set("Location", other.url("/final.csv"));
                TestServer.send(ex, 302, null, new byte[0]);
            });
            server.on("/here.csv", ex -> {
                ex.getResponseHeaders().set("Location", "/p.csv");
                TestServer.send(ex, 301, null, new byte[0]);
            });
            server.serve("/p.csv", "text/csv", bytes(CSV));

            assertEquals(3, scan(server.url("/moved.csv"), params).size());
            Map<String, List<String>> atOther = other.requests.get(0);
            assertFalse(atOther.containsKey("Authorization"), atOther.toString());
            assertFalse(atOther.containsKey("X-api-key"), atOther.toString());

            server.requests.clear();
            assertEquals(3, scan(server.url("/here.csv"), params).size());
            assertEquals(2, server.requests.size());
            assertEquals(List.of("k-123"), server.requests.get(1).get("X-api-key"));
            assertTrue(server.requests.get(1).containsKey("Authorization"));
        }
    }

    @Test
    void badContentNamesUrlAndDownloadIsDeleted() throws Exception {
        server.serve("/broken.json", "application/json", bytes("[{\"a\": 1}, {\"a\": "));
        long before = tempDownloads();
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> scan(server.url("/broken.json"), Map.of("http_password", "pw", "http_username", "u")));
        assertTrue(e.getMessage().startsWith("dataset `products`: cannot read " + server.url("/broken.json") + ": "),
                e.getMessage());
        assertFalse(e.retryable());
        assertEquals(before, tempDownloads());
    }

    @Test
    void badParamsFailAtOpen() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> open(server.url("/x.csv"), Map.of("client_timeout", "soon")));
        assertTrue(e.getMessage().contains("client_timeout is `soon`"), e.getMessage());
        e = assertThrows(ConnectorException.class,
                () -> open(server.url("/x.csv"), Map.of("http_headers", "no colon here")));
        assertFalse(e.getMessage().contains("no colon here"), "secret header text leaked: " + e.getMessage());
        e = assertThrows(ConnectorException.class, () -> open(server.url("/x.csv"), Map.of("http_port", "99999")));
        assertTrue(e.getMessage().contains("http_port"), e.getMessage());
        e = assertThrows(ConnectorException.class,
                () -> open(server.url("/x.csv"), Map.of("tls_ca_certificate_file", "missing.pem")));
        assertTrue(e.getMessage().contains("missing.pem"), e.getMessage());
    }

    private List<Map<String, String>> scan(String url, Map<String, String> params) throws Exception {
        try (SourceTable table = open(url, params)) {
            return ScanRows.drain(table.scan(ScanRequest.all(), allocator));
        }
    }

    private SourceTable open(String url, Map<String, String> params) throws Exception {
        return connector.open(new SourceSpec("products", url, new HashMap<>(params), dir));
    }

    private long tempDownloads() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("paprika-http-")).count();
        }
    }

    private byte[] parquet() throws Exception {
        Path f = dir.resolve("gen.parquet");
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement s = c.createStatement()) {
            s.execute("COPY (SELECT range AS id, 'row-' || range AS name FROM range(10)) TO '" + f
                    + "' (FORMAT parquet)");
        }
        return Files.readAllBytes(f);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys on HTTP and Flight, and TLS on both, against {@code bin/spiced}. */
class AuthTlsIT {
    private static final String KEY_1 = "first-key-from-secret";
    private static final String KEY_2 = "second-literal-key";
    private static final String COUNT = "SELECT count(*) AS n FROM cities";

    @TempDir
    static Path dir;
    static Spiced spiced;

    private static Path pod(Path folder, String runtime) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("cities.csv"), "id,city\n1,Oslo\n2,Lima\n3,Pune\n");
        return Files.writeString(folder.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: secured
                %s
                datasets:
                  - from: file:cities.csv
                    name: cities
                    acceleration: {enabled: true, engine: arrow}
                """.formatted(runtime));
    }

    private static final String AUTH = """
            runtime:
              auth:
                api-key:
                  enabled: true
                  keys:
                    - ${secrets:api_key}
                    - %s
            """.formatted(KEY_2);

    @BeforeAll
    static void start() throws Exception {
        Path folder = dir.resolve("auth");
        pod(folder, AUTH);
        spiced = Spiced.start(folder, Spiced.pluginsWith(folder, "paprika-connector-file", "paprika-accel-memory"),
                Map.of("SPICE_API_KEY", KEY_1));
        spiced.awaitReady(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (spiced != null) {
            spiced.close();
        }
    }

    private static HttpResponse<String> sql(String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(spiced.url("/v1/sql")))
                .POST(HttpRequest.BodyPublishers.ofString(COUNT));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpNeedsAValidKeyButProbesDoNot() throws Exception {
        assertEquals(200, spiced.get("/health").statusCode(), "probes need no key");
        assertEquals(200, spiced.get("/v1/ready").statusCode());
        HttpResponse<String> missing = sql(null);
        assertEquals(401, missing.statusCode());
        assertTrue(missing.body().contains("missing API key"), missing.body());
        HttpResponse<String> wrong = sql("not-a-key");
        assertEquals(401, wrong.statusCode());
        assertEquals("invalid API key", wrong.body());
        assertEquals(401, sql(KEY_1.substring(0, KEY_1.length() - 1)).statusCode(), "a prefix of a key is no key");
        assertEquals(401, spiced.get("/v1/datasets").statusCode(), "every API path is guarded");
        assertEquals("[{\"n\":3}]", sql(KEY_1).body(), "the key from the secret");
        assertEquals("[{\"n\":3}]", sql(KEY_2).body(), "the key written in the spicepod");
        assertFalse(spiced.output().contains(KEY_1) || spiced.output().contains(KEY_2), "keys never reach the log");
    }

    private static long count(String params) throws SQLException {
        try (Connection c = DriverManager.getConnection(spiced.jdbcUrl() + params);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(COUNT)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void flightNeedsAValidKey() throws Exception {
        assertEquals(3, count("&user=anyone&password=" + KEY_1), "Basic handshake, then the issued bearer token");
        assertEquals(3, count("&user=someone-else&password=" + KEY_2));
        assertEquals(3, count("&token=" + KEY_1), "the key itself as the bearer token");
        assertEquals(3, count("&token=" + KEY_2));
        for (String bad : new String[] {"", "&user=anyone&password=wrong", "&token=wrong"}) {
            SQLException e = assertThrows(SQLException.class, () -> count(bad), bad);
            assertTrue(String.valueOf(e.getMessage()).toUpperCase().contains("UNAUTHENTICATED")
                    || String.valueOf(e.getCause()).toUpperCase().contains("UNAUTHENTICATED"), bad + ": " + e);
        }
    }

    @Test
    void anEmptyKeyStopsStartUp(@TempDir Path other) throws Exception {
        pod(other, AUTH);
        try (Spiced s = Spiced.start(other, Spiced.pluginsWith(other, "paprika-connector-file",
                "paprika-accel-memory"), Map.of("SPICE_API_KEY", ""))) {
            assertEquals(1, s.awaitExit(Duration.ofSeconds(60)));
            assertTrue(s.output().contains("`runtime.auth.api-key.keys[0]` (line 9)")
                    && s.output().contains("is empty"), s.output());
        }
    }

    @Test
    void tlsOnHttpAndFlight(@TempDir Path other) throws Exception {
        TestCertificate cert = TestCertificate.create(other);
        pod(other, "");
        try (Spiced s = Spiced.start(other, Spiced.pluginsWith(other, "paprika-connector-file",
                "paprika-accel-memory"), Map.of(), "--tls-certificate-file", cert.certificatePem.toString(),
                "--tls-key-file", cert.keyPem.toString())) {
            String plainUrl = s.url("/v1/ready");
            s.https(cert.trustingClient()).awaitReady(Duration.ofSeconds(60));
            assertEquals("[{\"n\":3}]", s.body(COUNT));
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(java.net.URI.create(plainUrl)).build(), HttpResponse.BodyHandlers.ofString()),
                    "plain HTTP is not served");
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(java.net.URI.create(s.url("/v1/ready"))).build(),
                    HttpResponse.BodyHandlers.ofString()), "a client that does not trust the certificate is refused");
            String url = "jdbc:arrow-flight-sql://localhost:" + s.flightPort() + "/?useEncryption=true&tlsRootCerts="
                    + cert.certificatePem;
            try (Connection c = DriverManager.getConnection(url);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(COUNT)) {
                rs.next();
                assertEquals(3, rs.getLong(1));
            }
            assertThrows(SQLException.class, () -> DriverManager.getConnection(s.jdbcUrl()).createStatement()
                    .executeQuery(COUNT), "plain gRPC is not served");
        }
    }

    @Test
    void aMissingCertificateFileStopsStartUp(@TempDir Path other) throws Exception {
        TestCertificate cert = TestCertificate.create(other);
        pod(other, "");
        Path missing = other.resolve("no-such-cert.pem");
        try (Spiced s = Spiced.start(other, null, Map.of(), "--tls-certificate-file", missing.toString(),
                "--tls-key-file", cert.keyPem.toString())) {
            assertEquals(1, s.awaitExit(Duration.ofSeconds(60)));
            assertTrue(s.output().contains(missing.toString()) && s.output().contains("--tls-certificate-file"),
                    s.output());
        }
    }
}

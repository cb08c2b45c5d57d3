package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --log-format json}: every line a JSON object for a log collector, secrets still masked. */
class LogFormatIT {
    private static final String TOKEN = "tok-3f9a7c1e5b";

    @Test
    void jsonLinesWithSecretsMasked(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: logs
                datasets:
                  - from: http://127.0.0.1:%d/${secrets:TOKEN}/x.csv
                    name: remote
                    acceleration: {enabled: true, engine: arrow}
                """.formatted(closed));
        try (Spiced spiced = Spiced.start(dir, null, Map.of("SPICE_TOKEN", TOKEN), "--log-format", "json")) {
            spiced.awaitOutput("\"message\":\"Runtime started in ");
            spiced.awaitOutput("cannot connect to http:\\/\\/127.0.0.1:" + closed + "\\/********\\/x.csv");
            String out = spiced.output();
            for (String line : out.split("\n")) {
                assertTrue(line.startsWith("{\"") && line.endsWith("}") && line.contains("\"level\":"), line);
            }
            assertFalse(out.contains(TOKEN), "the secret never reaches the log");
        }
    }

    @Test
    void verboseLogsOneLinePerRequestByRouteNeverTheQuery(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spicepod.yaml"), "version: v1\nkind: Spicepod\nname: quiet\n");
        try (Spiced spiced = Spiced.start(dir, null, Map.of(), "-v")) {
            spiced.awaitReady(Duration.ofSeconds(60));
            spiced.sql("SELECT 'a-private-value' AS v");
            spiced.awaitOutput("DEBUG requests: HTTP POST /v1/sql 200 in ");
            try (var c = java.sql.DriverManager.getConnection(spiced.jdbcUrl()); var st = c.createStatement();
                    var rs = st.executeQuery("SELECT 1 AS one")) {
                assertTrue(rs.next());
            }
            spiced.awaitOutput("DEBUG requests: Flight GetFlightInfo OK in ");
            assertFalse(spiced.output().contains("a-private-value"), "queries are not logged");
        }
    }

    @Test
    void anUnknownFormatIsRefused(@TempDir Path dir) throws Exception {
        try (Spiced spiced = Spiced.start(dir, null, Map.of(), "--log-format", "xml")) {
            assertEquals(2, spiced.awaitExit(Duration.ofSeconds(30)));
            assertTrue(spiced.output().contains("--log-format `xml` is not valid; use text or json"), spiced.output());
        }
    }
}

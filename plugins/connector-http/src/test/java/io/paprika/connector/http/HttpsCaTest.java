package io.paprika.connector.http;

import io.paprika.spi.testing.ScanRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.ScanRequest;
import io.paprika.spi.SourceSpec;
import io.paprika.spi.SourceTable;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HTTPS server with a self-signed certificate: refused by default, trusted via tls_ca_certificate_file. */
class HttpsCaTest {
    @TempDir
    Path dir;

    @Test
    void privateCaIsTrustedOnlyWhenConfigured() throws Exception {
        keytool("-genkeypair", "-alias", "srv", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", "ks.p12",
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "srv", "-keystore", "ks.p12", "-storepass", "changeit",
                "-file", "ca.pem");

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("ks.p12"))) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/p.csv", ex -> {
            TestServer.send(ex, 200, "text/csv", "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        server.start();
        String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/p.csv";
        try (RootAllocator allocator = new RootAllocator()) {
            HttpConnector connector = new HttpConnector();
            ConnectorException e = assertThrows(ConnectorException.class, () -> {
                try (SourceTable t = connector.open(new SourceSpec("secure", url, Map.of(), dir))) {
                    t.scan(ScanRequest.all(), allocator);
                }
            });
            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains("tls_ca_certificate_file"), e.getMessage());

            try (SourceTable t = connector.open(new SourceSpec("secure", url,
                    Map.of("tls_ca_certificate_file", "ca.pem"), dir))) {
                List<Map<String, String>> rows = ScanRows.drain(t.scan(ScanRequest.all(), allocator));
                assertEquals(2, rows.size());
                assertEquals("4", rows.get(1).get("b"));
            }
            assertEquals(0, allocator.getAllocatedMemory());
        } finally {
            server.stop(0);
        }
    }

    private void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "keytool failed: " + output);
    }
}

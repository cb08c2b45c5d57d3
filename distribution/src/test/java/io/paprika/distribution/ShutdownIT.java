package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM: not ready at once, new queries refused (HTTP 503, Flight closed), the running query
 * finishes, exit 0, and no temporary file is left behind.
 */
class ShutdownIT {

    @Test
    void aRunningQueryFinishesWhileNewOnesAreRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("nums.csv"), "id\n1\n2\n3\n");
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: shutdown
                datasets:
                  - from: file:nums.csv
                    name: nums
                    acceleration: {enabled: true, engine: duckdb}
                """);
        // Its own temp folder, to see what the process leaves there.
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        try (Spiced spiced = Spiced.start(dir, null, Map.of("JAVA_OPTS", "-Djava.io.tmpdir=" + tmp),
                "--shutdown-grace-period", "60s")) {
            spiced.awaitReady(Duration.ofSeconds(60));
            // DuckDB loads its native library from beside its jar: no 70 MB copy in the temp folder.
            try (var files = Files.list(tmp)) {
                List<String> natives = files.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("libduckdb")).toList();
                assertEquals(List.of(), natives, "DuckDB unpacked its native library into the temp folder");
            }
            // Several seconds of work in DuckDB.
            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return spiced.sql("SELECT count(DISTINCT hash(i + n.id)) AS s FROM nums n, range(40000000) r(i)");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(700);
            long terminated = System.nanoTime();
            // SIGTERM; through the handle, so our end of its output stays open (Process.destroy closes it).
            spiced.process().toHandle().destroy();
            spiced.awaitTrue(Duration.ofSeconds(10), "/v1/ready to turn 503", () -> status(spiced) == 503);
            HttpResponse<String> refused = spiced.sql("SELECT count(*) AS n FROM nums WHERE id > 1");
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("shutting down"), refused.body());
            // Flight stops at the transport, where a load balancer can safely send the call elsewhere.
            try (RootAllocator allocator = new RootAllocator();
                    FlightClient client = FlightClient.builder(allocator,
                            Location.forGrpcInsecure("127.0.0.1", spiced.flightPort())).build();
                    FlightSqlClient flight = new FlightSqlClient(client)) {
                FlightRuntimeException e = assertThrows(FlightRuntimeException.class,
                        () -> flight.execute("SELECT count(*) FROM nums"));
                assertEquals(CallStatus.UNAVAILABLE.code(), e.status().code(), e.toString());
            }

            HttpResponse<String> done = slow.get();
            long answered = System.nanoTime();
            assertEquals(200, done.statusCode(), done.body());
            assertTrue(done.body().startsWith("[{\"s\":"), done.body());
            assertTrue(answered > terminated, "the query was still running at SIGTERM");
            assertEquals(0, spiced.awaitExit(Duration.ofSeconds(60)), spiced.output());
            // The JVM's and File Install's temporary files go with a clean exit.
            try (var left = Files.list(tmp)) {
                assertEquals(List.of(), left.map(p -> p.getFileName().toString()).toList());
            }
            assertTrue(spiced.output().contains("Draining: not ready, new queries refused; waiting up to 1m 0s for "
                    + "running queries: 1"), spiced.output());
        }
    }

    /**
     * Requests still arriving when the HTTP server stops: one whose headers are not complete yet is
     * refused with 503 (a load balancer replays it), one whose body is still coming is answered. A
     * plain stop cut both: a 500 (EofException) and a 499, which no load balancer retries.
     */
    @Test
    void requestsArrivingAsTheHttpServerStopsGetAnAnswerALoadBalancerCanUse(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spicepod.yaml"), "version: v1\nkind: Spicepod\nname: stopping\n");
        try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
            spiced.awaitReady(Duration.ofSeconds(60));
            int port = spiced.ports().http();
            String head = "POST /v1/sql HTTP/1.1\r\nHost: 127.0.0.1\r\n";
            try (Socket headerPending = new Socket("127.0.0.1", port);
                    Socket bodyPending = new Socket("127.0.0.1", port)) {
                send(headerPending, head + "Content-Length: 8\r\n");
                send(bodyPending, head + "Transfer-Encoding: chunked\r\n\r\n8\r\nSELECT 1\r\n");
                Thread.sleep(500); // the body's request reaches its handler, which waits for the rest
                spiced.process().toHandle().destroy();
                // The listener closes once queries have drained: from then on the HTTP server is stopping.
                // Both requests keep trickling in meanwhile (a header line, a chunk of spaces): a stopping
                // Jetty closes a connection quiet for a second, which is right for a stalled client.
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (accepts(port)) {
                    assertTrue(System.nanoTime() < deadline, "the HTTP port still accepts 20 s after SIGTERM");
                    send(headerPending, "X-Waiting: 1\r\n");
                    send(bodyPending, "1\r\n \r\n");
                    Thread.sleep(100);
                }
                send(headerPending, "\r\nSELECT 1");
                String refused = answer(headerPending);
                assertTrue(refused.startsWith("HTTP/1.1 503 "), refused);
                send(bodyPending, "0\r\n\r\n");
                String answered = answer(bodyPending);
                assertTrue(answered.startsWith("HTTP/1.1 200 "), answered);
                assertTrue(answered.contains("\r\nConnection: close\r\n"), answered);
                assertTrue(answered.endsWith("[{\"?column?\":1}]"), answered);
            }
            assertEquals(0, spiced.awaitExit(Duration.ofSeconds(60)), spiced.output());
        }
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Everything the server sends until it closes the connection. */
    private static String answer(Socket socket) throws IOException {
        socket.setSoTimeout(20_000);
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int status(Spiced spiced) {
        try {
            return spiced.get("/v1/ready").statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}

package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HAProxy in front of replicas, for HTTP and for Flight (gRPC, HTTP/2 to the backends), each
 * backend health-checked on the replica's {@code /v1/ready}, configured by the distribution's
 * {@code lb/haproxy.cfg}. Installed by the project's {@code src/test/lb/install-haproxy}.
 */
final class HaProxy implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int statsPort;
    private final Path log;

    private HaProxy(Process process, int statsPort, Path log) {
        this.process = process;
        this.statsPort = statsPort;
        this.log = log;
    }

    /** The haproxy command, fetched into {@code target/haproxy} by the project's script when needed. */
    static String binary() throws IOException, InterruptedException {
        Path script = Path.of("src/test/lb/install-haproxy").toAbsolutePath();
        Process p = new ProcessBuilder(script.toString(), Path.of("target/haproxy").toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || out.isEmpty()) {
            fail("src/test/lb/install-haproxy could not provide haproxy (exit " + p.exitValue() + ")");
        }
        return out;
    }

    /**
     * Starts HAProxy with the distribution's own {@code lb/haproxy.cfg} on {@code httpPort} and
     * {@code flightPort}, balancing over the three {@code replicas} on loopback.
     */
    static HaProxy start(Path dir, int httpPort, int flightPort, List<Spiced.Ports> replicas)
            throws IOException, InterruptedException {
        if (replicas.size() != 3) {
            throw new IllegalArgumentException("lb/haproxy.cfg names three replicas; got " + replicas.size());
        }
        int statsPort = Spiced.freePort();
        Path log = dir.resolve("haproxy.log");
        ProcessBuilder pb = new ProcessBuilder(binary(), "-db", "-f", Spiced.DIST.resolve("lb/haproxy.cfg").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("LB_HTTP", "127.0.0.1:" + httpPort);
        env.put("LB_FLIGHT", "127.0.0.1:" + flightPort);
        env.put("LB_STATS", "127.0.0.1:" + statsPort);
        for (int i = 0; i < 3; i++) {
            env.put("R" + (i + 1) + "_HOST", "127.0.0.1");
            env.put("R" + (i + 1) + "_HTTP_PORT", String.valueOf(replicas.get(i).http()));
            env.put("R" + (i + 1) + "_FLIGHT_PORT", String.valueOf(replicas.get(i).flight()));
        }
        HaProxy haproxy = new HaProxy(pb.start(), statsPort, log);
        haproxy.awaitStats();
        return haproxy;
    }

    /** One server's row of HAProxy's CSV statistics: {@code status} (UP, DOWN, …) and {@code stot}. */
    Map<String, String> server(String backend, String server) throws IOException, InterruptedException {
        for (Map<String, String> row : stats()) {
            if (backend.equals(row.get("pxname")) && server.equals(row.get("svname"))) {
                return row;
            }
        }
        throw new IllegalArgumentException("no server " + backend + "/" + server + " in HAProxy's statistics");
    }

    String status(String backend, String server) throws IOException, InterruptedException {
        return server(backend, server).get("status");
    }

    /** Requests (sessions) HAProxy sent to the server so far; health checks are not counted. */
    long sent(String backend, String server) throws IOException, InterruptedException {
        return Long.parseLong(server(backend, server).get("stot"));
    }

    private List<Map<String, String>> stats() throws IOException, InterruptedException {
        String csv = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        String[] lines = csv.split("\n");
        String[] header = lines[0].replaceFirst("^# ", "").split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < Math.min(header.length, cells.length); c++) {
                row.put(header[c], cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Waits until HAProxy's health checks say {@code status} for the server in both backends. */
    void awaitStatus(String server, String status, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (status.equals(status("spiced_http", server)) && status.equals(status("spiced_flight", server))) {
                return;
            }
            Thread.sleep(100);
        }
        fail("HAProxy never saw " + server + " " + status + " within " + timeout + ": http "
                + status("spiced_http", server) + ", flight " + status("spiced_flight", server));
    }

    private void awaitStats() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("haproxy exited (" + process.exitValue() + "):\n" + Files.readString(log));
            }
            try {
                stats();
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        fail("haproxy statistics never answered:\n" + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

package io.paprika.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** {@code bin/spiced} of a distribution copy, run as a separate process on free loopback ports. */
final class Spiced implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Runtimes still running; a harness stopped by Ctrl-C or kill takes them down with it. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "stop-spiced"));
    }

    private final Process process;
    private final long startedNanos;
    private final int httpPort;
    private final int flightPort;
    private final int metricsPort;
    private final StringBuffer output = new StringBuffer();

    private Spiced(Process process, long startedNanos, int httpPort, int flightPort, int metricsPort) {
        this.process = requireNonNull(process, "process");
        this.startedNanos = startedNanos;
        this.httpPort = httpPort;
        this.flightPort = flightPort;
        this.metricsPort = metricsPort;
        LIVE.add(process);
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "spiced-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts the runtime in {@code workDir}, which holds the spicepod (or none, for the quickstart). */
    static Spiced start(Distribution dist, Path workDir, Map<String, String> env) throws IOException {
        int[] ports = freePorts(4);
        int http = ports[0];
        int flight = ports[1];
        int metrics = ports[2];
        int otlp = ports[3];
        List<String> cmd = new ArrayList<>(List.of(dist.launcher().toString(),
                "--http", "127.0.0.1:" + http, "--flight", "127.0.0.1:" + flight,
                "--metrics", "127.0.0.1:" + metrics, "--open_telemetry", "127.0.0.1:" + otlp));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        long started = System.nanoTime();
        return new Spiced(pb.start(), started, http, flight, metrics);
    }

    /** {@code n} different free ports: the sockets stay open until all have theirs, so none repeats. */
    static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    long startedNanos() {
        return startedNanos;
    }

    int flightPort() {
        return flightPort;
    }

    long pid() {
        return process.pid();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    int status(String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A dataset's entry in {@code /v1/datasets?status=true}. */
    JsonNode dataset(String name) throws IOException, InterruptedException {
        for (JsonNode d : JSON.readTree(get("/v1/datasets?status=true"))) {
            if (name.equals(d.path("name").asText())) {
                return d;
            }
        }
        throw new IllegalStateException("the runtime lists no dataset `" + name + "`; output:\n" + output);
    }

    /** Starts a full refresh through the runtime's refresh API. */
    void refresh(String dataset) throws IOException, InterruptedException {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri("/v1/datasets/" + dataset
                + "/acceleration/refresh")).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("refresh of `" + dataset + "` answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** The JVM heap in use now, from the runtime's Prometheus {@code /metrics}. */
    Optional<Long> heapUsedBytes() {
        try {
            String text = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                if (line.startsWith("jvm_memory_bytes_used{area=\"heap\"")) {
                    return Optional.of((long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Peak resident set size of the runtime's JVM so far (VmHWM, Linux only), in bytes. */
    long peakRssBytes() throws IOException {
        return procStatusKb("VmHWM:") * 1024;
    }

    private long procStatusKb(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
            }
        }
        throw new IOException(key + " not in /proc/" + process.pid() + "/status (the figure needs Linux)");
    }

    Spiced awaitReady(Duration timeout) throws InterruptedException {
        await(timeout, "/v1/ready to answer 200", () -> status("/v1/ready") == 200, 20);
        return this;
    }

    /** Polls {@code condition} every {@code pollMillis} until it holds; fails with the runtime's output. */
    void await(Duration timeout, String what, BooleanSupplier condition, long pollMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("spiced exited (" + process.exitValue() + ") while waiting for "
                        + what + "; output:\n" + output);
            }
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what + "; output:\n" + output);
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        LIVE.remove(process);
    }
}

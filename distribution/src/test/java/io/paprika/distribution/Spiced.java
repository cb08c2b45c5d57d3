package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.function.BooleanSupplier;

/** The built distribution's {@code bin/spiced}, run as a separate process by a test. */
final class Spiced implements AutoCloseable {
    static final Path DIST = Path.of(System.getProperty("paprika.dist", "target/spiced")).toAbsolutePath();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int httpPort;
    private final int flightPort;
    private final int metricsPort;
    private final int otlpPort;
    private final StringBuffer output = new StringBuffer();
    private final Thread pump;
    // Changed by tests of a runtime serving HTTPS or requiring an API key; plain HTTP with no headers otherwise.
    private volatile HttpClient client = CLIENT;
    private volatile String scheme = "http";
    private volatile Map<String, String> headers = Map.of();

    private Spiced(Process process, int httpPort, int flightPort, int metricsPort, int otlpPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.flightPort = flightPort;
        this.metricsPort = metricsPort;
        this.otlpPort = otlpPort;
        this.pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
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

    /** The four ports a runtime listens on; kept so a restarted replica comes back on the same ones. */
    record Ports(int http, int flight, int metrics, int otlp) {
        static Ports free() throws IOException {
            int[] p = freePorts(4);
            return new Ports(p[0], p[1], p[2], p[3]);
        }
    }

    /**
     * Starts {@code bin/spiced} in {@code workDir} with the given arguments (ports are added), the
     * given plugins folder and extra environment.
     */
    static Spiced start(Path workDir, Path pluginsDir, Map<String, String> env, String... args) throws IOException {
        return start(workDir, pluginsDir, env, Ports.free(), args);
    }

    /** As {@link #start(Path, Path, Map, String...)}, on the given ports. */
    static Spiced start(Path workDir, Path pluginsDir, Map<String, String> env, Ports ports, String... args)
            throws IOException {
        return start(workDir, pluginsDir, env, ports, null, args);
    }

    /** As {@link #start(Path, Path, Map, String...)}, with stderr kept apart in a file (output() is stdout). */
    static Spiced startWithStderrTo(Path stderr, Path workDir, Map<String, String> env, String... args)
            throws IOException {
        return start(workDir, null, env, Ports.free(), stderr, args);
    }

    private static Spiced start(Path workDir, Path pluginsDir, Map<String, String> env, Ports ports, Path stderr,
            String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/spiced").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--http", "127.0.0.1:" + ports.http(), "--flight", "127.0.0.1:" + ports.flight(),
                "--metrics", "127.0.0.1:" + ports.metrics(), "--open_telemetry", "127.0.0.1:" + ports.otlp()));
        if (pluginsDir != null) {
            cmd.addAll(List.of("--plugins-dir", pluginsDir.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        if (stderr == null) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(stderr.toFile());
        }
        pb.environment().putAll(env);
        return new Spiced(pb.start(), ports.http(), ports.flight(), ports.metrics(), ports.otlp());
    }

    /** A plugins folder holding copies of the named distribution plugins (file names without .jar). */
    static Path pluginsWith(Path parent, String... names) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("plugins"));
        for (String n : names) {
            Files.copy(DIST.resolve("plugins").resolve(n + ".jar"), dir.resolve(n + ".jar"));
        }
        return dir;
    }

    static int freePort() throws IOException {
        return freePorts(1)[0];
    }

    /**
     * {@code n} different free ports: every socket stays open until all have theirs (closed one by
     * one, the system may hand out the same port twice, and did: --flight and --metrics got one).
     */
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

    Ports ports() {
        return new Ports(httpPort, flightPort, metricsPort, otlpPort);
    }

    int flightPort() {
        return flightPort;
    }

    /** The port of {@code --metrics}, where {@code /metrics} is served. */
    int metricsPort() {
        return metricsPort;
    }

    /** The port of {@code --open_telemetry}, the OTLP/gRPC metrics receiver. */
    int otlpPort() {
        return otlpPort;
    }

    /** The Flight SQL JDBC URL of this runtime. */
    String jdbcUrl() {
        return "jdbc:arrow-flight-sql://127.0.0.1:" + flightPort + "/?useEncryption=false";
    }

    String output() {
        return output.toString();
    }

    Process process() {
        return process;
    }

    /** Talks HTTPS through {@code httpsClient} (one that trusts the runtime's certificate) from now on. */
    Spiced https(HttpClient httpsClient) {
        this.client = httpsClient;
        this.scheme = "https";
        return this;
    }

    /** Sends these headers (such as {@code X-API-Key}) with every later {@link #get} and {@link #sql}. */
    Spiced headers(Map<String, String> requestHeaders) {
        this.headers = Map.copyOf(requestHeaders);
        return this;
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(timeout);
        headers.forEach(b::header);
        return b;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path, Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> sql(String sql) throws IOException, InterruptedException {
        return sql(sql, "application/json");
    }

    HttpResponse<String> sql(String sql, String accept) throws IOException, InterruptedException {
        return client.send(request("/v1/sql", Duration.ofSeconds(60)).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a JSON query, or the error text: for polling in {@link #awaitTrue}. */
    String body(String sql) {
        try {
            return sql(sql).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private URI uri(String path) {
        return URI.create(url(path));
    }

    String url(String path) {
        return scheme + "://127.0.0.1:" + httpPort + path;
    }

    /** Waits for {@code /v1/ready} to answer 200. */
    Spiced awaitReady(Duration timeout) throws InterruptedException {
        awaitTrue(timeout, "/v1/ready to be 200", () -> {
            try {
                return get("/v1/ready").statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        return this;
    }

    void awaitTrue(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("spiced exited (" + process.exitValue() + ") while waiting for " + what + ":\n" + output);
            }
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("timed out after " + timeout + " waiting for " + what + "; output:\n" + output);
    }

    /**
     * Waits for a log line: lines are read from the process asynchronously and may trail what the
     * API already shows.
     */
    void awaitOutput(String text) throws InterruptedException {
        awaitTrue(Duration.ofSeconds(10), "`" + text + "` in the log", () -> output.toString().contains(text));
    }

    /** Waits for the process to exit by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            fail("spiced did not exit within " + timeout + "; output:\n" + output);
        }
        pump.join(5000); // the last lines may still be in the pipe
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

package io.paprika.distribution;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP source for tests: serves bytes by path, optionally behind basic auth. */
final class SourceServer implements AutoCloseable {
    private record Body(byte[] bytes, String contentType) {
    }

    private final HttpServer server;
    private final Map<String, Body> files = new ConcurrentHashMap<>();
    private final String expectedAuth;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger notModified = new AtomicInteger();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> stalls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    SourceServer(String user, String password) throws IOException {
        this.expectedAuth = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // A stalled answer must not hold up the others.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    SourceServer put(String path, String body, String contentType) {
        return put(path, body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    SourceServer put(String path, byte[] body, String contentType) {
        files.put(path, new Body(body, contentType));
        return this;
    }

    /** The next {@code count} requests for {@code path} get a 503, as an overloaded source would. */
    SourceServer failNext(String path, int count) {
        failures.put(path, new AtomicInteger(count));
        return this;
    }

    /** The next {@code count} requests for {@code path} wait 5 s before answering: a slow source. */
    SourceServer stallNext(String path, int count) {
        stalls.put(path, new AtomicInteger(count));
        return this;
    }

    /** Requests received for {@code path}, answered or not. */
    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        hits.computeIfAbsent(ex.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
        try (ex) {
            if (expectedAuth != null && !expectedAuth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            AtomicInteger stalling = stalls.get(ex.getRequestURI().getPath());
            if (stalling != null && stalling.getAndDecrement() > 0) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            AtomicInteger failing = failures.get(ex.getRequestURI().getPath());
            if (failing != null && failing.getAndDecrement() > 0) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            Body body = files.get(ex.getRequestURI().getPath());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            // An ETag lets the connector's conditional refresh get a 304 when nothing changed.
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body.bytes())) + "\"";
            ex.getResponseHeaders().add("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("Content-Type", body.contentType());
            ex.sendResponseHeaders(200, body.bytes().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body.bytes());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

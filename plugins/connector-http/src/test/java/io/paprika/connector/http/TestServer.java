package io.paprika.connector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

/** A local HTTP server for the tests: fixed responses per path, and a log of request headers. */
final class TestServer implements AutoCloseable {
    /** What one path answers. */
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    final HttpServer server;
    final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(Map.copyOf(exchange.getRequestHeaders()));
            Handler h = handlers.get(exchange.getRequestURI().getPath());
            try {
                if (h == null) {
                    send(exchange, 404, "text/plain", "no such path".getBytes(StandardCharsets.UTF_8));
                } else {
                    h.handle(exchange);
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    void on(String path, Handler handler) {
        handlers.put(path, handler);
    }

    void serve(String path, String contentType, byte[] body) {
        on(path, ex -> send(ex, 200, contentType, body));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

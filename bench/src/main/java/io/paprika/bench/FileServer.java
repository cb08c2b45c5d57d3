package io.paprika.bench;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the generated files over loopback HTTP, streamed from disk, as the source the runtime's
 * http connector reads. No ETag or Last-Modified: every refresh downloads and loads in full.
 */
final class FileServer implements AutoCloseable {
    private final Path root;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    FileServer(Path root) throws IOException {
        this.root = requireNonNull(root, "root").toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The URL of a file in the served folder. */
    String url(Path file) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + root.relativize(file.toAbsolutePath());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Path file = root.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            ex.getResponseHeaders().add("Content-Type", name.endsWith(".csv") ? "text/csv" : "application/octet-stream");
            ex.sendResponseHeaders(200, Files.size(file));
            // 1 MiB writes: Files.copy writes 8 KiB at a time, ~26,000 system calls for the 217 MB
            // Parquet file, which made this source, not the runtime, a third of a load's download
            // time here (a JDK client fetching it: ~0.33 s -> ~0.22 s). Real sources send files whole.
            try (OutputStream out = ex.getResponseBody(); InputStream in = Files.newInputStream(file)) {
                byte[] chunk = new byte[1 << 20];
                for (int n = in.read(chunk); n > 0; n = in.read(chunk)) {
                    out.write(chunk, 0, n);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

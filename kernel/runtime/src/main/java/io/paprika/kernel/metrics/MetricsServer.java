package io.paprika.kernel.metrics;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.HostPort;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus endpoint on {@code --metrics}: simpleclient's own HTTP server (on the JDK's), on
 * an address of its own so scrapes never queue behind queries, serving {@code /metrics} in the
 * text format.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /**
     * Binds and serves.
     *
     * @throws UncheckedIOException naming the address when it cannot be bound
     */
    public static MetricsServer start(HostPort address, CollectorRegistry registry) {
        requireNonNull(address, "address");
        requireNonNull(registry, "registry");
        try {
            HTTPServer server = new HTTPServer.Builder()
                    .withInetSocketAddress(new InetSocketAddress(address.host(), address.port()))
                    .withRegistry(registry).withDaemonThreads(true).build();
            LOG.info("Prometheus metrics on http://{}/metrics", address);
            return new MetricsServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + address + ": " + e.getMessage()
                    + " (pass a free address with --metrics host:port)", e);
        }
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}

package io.paprika.kernel.otlp;

import static java.util.Objects.requireNonNull;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.paprika.kernel.HostPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OTLP/gRPC receiver on {@code --open_telemetry}: OpenTelemetry SDKs and collectors export
 * metrics to it (plaintext, as Spice's receiver takes them), and they show on {@code /metrics}.
 */
public final class OtlpReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OtlpReceiver.class);

    private final Server server;

    private OtlpReceiver(Server server) {
        this.server = server;
    }

    /**
     * Binds and serves.
     *
     * @throws UncheckedIOException naming the address and the flag when it cannot be bound
     */
    public static OtlpReceiver start(HostPort address, OtlpMetricsCollector collector) {
        requireNonNull(address, "address");
        requireNonNull(collector, "collector");
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(address.host(), address.port()))
                .addService(new MetricsExportService(collector)).build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve OpenTelemetry (OTLP/gRPC) on " + address + ": "
                    + e.getMessage() + " (pass a free address with --open_telemetry host:port)", e);
        }
        LOG.info("OpenTelemetry OTLP/gRPC metrics receiver on {}", address);
        return new OtlpReceiver(server);
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
            server.shutdownNow();
        }
    }
}

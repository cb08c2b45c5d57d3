package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import io.grpc.netty.NettyServerBuilder;
import io.paprika.kernel.HostPort;
import io.paprika.kernel.metrics.FlightMetrics;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gRPC server on {@code --flight} serving {@link FlightSqlService}. */
public final class FlightEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlightEndpoint.class);

    private final FlightServer server;
    private final FlightSqlService service;

    private FlightEndpoint(FlightServer server, FlightSqlService service) {
        this.server = server;
        this.service = service;
    }

    /** Binds and serves plain gRPC to everyone; throws if the address cannot be bound. */
    public static FlightEndpoint start(HostPort address, FlightSqlService service, BufferAllocator allocator,
            int maxInboundMessageBytes, FlightMetrics metrics) throws IOException {
        return start(address, service, allocator, maxInboundMessageBytes, FlightSecurity.NONE, metrics);
    }

    /** Binds and serves with the given keys and TLS; throws if the address cannot be bound. */
    public static FlightEndpoint start(HostPort address, FlightSqlService service, BufferAllocator allocator,
            int maxInboundMessageBytes, FlightSecurity security, FlightMetrics metrics) throws IOException {
        requireNonNull(address, "address");
        FlightServer.Builder builder = FlightServer.builder(allocator, security.location(address), service)
                .maxInboundMessageSize(maxInboundMessageBytes).middleware(FlightMetrics.KEY, metrics)
                .transportHint("grpc.builderConsumer",
                        (Consumer<NettyServerBuilder>) netty -> netty.callExecutor(new DirectPuts()));
        security.apply(builder);
        FlightServer server = builder.build();
        server.start();
        LOG.info("Flight SQL listening on {}://{}", security.scheme(), address);
        return new FlightEndpoint(server, service);
    }

    public int port() {
        return server.getPort();
    }

    /**
     * Stops taking calls while those running go on: the listener closes and clients get HTTP/2
     * GOAWAY, so a load balancer sends new calls elsewhere (a refused connection or stream is safe
     * to retry, unlike a call that fails inside).
     */
    public void stopAccepting() {
        server.shutdown();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
            server.close();
        }
        service.close();
    }
}

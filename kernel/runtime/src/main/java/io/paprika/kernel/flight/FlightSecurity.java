package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.HostPort;
import io.paprika.kernel.auth.ApiKeys;
import io.paprika.kernel.tls.TlsFiles;
import java.io.IOException;
import java.util.Optional;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;

/**
 * What secures {@code --flight}: API keys on every call and TLS on the socket.
 *
 * @param apiKeys keys a call must present; empty serves everyone
 * @param tls     PEM files (already checked at start-up); empty serves plain gRPC
 */
public record FlightSecurity(Optional<ApiKeys> apiKeys, Optional<TlsFiles> tls) {
    public static final FlightSecurity NONE = new FlightSecurity(Optional.empty(), Optional.empty());

    public FlightSecurity {
        requireNonNull(apiKeys, "apiKeys");
        requireNonNull(tls, "tls");
    }

    Location location(HostPort address) {
        return tls.isPresent() ? Location.forGrpcTls(address.host(), address.port())
                : Location.forGrpcInsecure(address.host(), address.port());
    }

    String scheme() {
        return tls.isPresent() ? "grpc+tls" : "grpc";
    }

    void apply(FlightServer.Builder builder) throws IOException {
        apiKeys.ifPresent(keys -> builder.headerAuthenticator(new ApiKeyAuthenticator(keys)));
        if (tls.isPresent()) {
            builder.useTls(tls.get().certificateFile().toFile(), tls.get().keyFile().toFile());
        }
    }
}

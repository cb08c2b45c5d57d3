package io.paprika.kernel;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.tls.TlsFlags;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code bin/spiced} was told: the spicepod, the listen addresses and the folders.
 *
 * @param home      the distribution folder (holding system/, plugins/, conf/)
 * @param dataDir   where file-mode accelerations live; empty means {@code .spice/data} beside the spicepod
 * @param flightMaxMessageBytes the largest message a Flight client may send (DoPut parameters, commands)
 * @param shutdownGracePeriod how long running queries may take to finish after SIGTERM
 * @param tls       the TLS flags (combined with {@code runtime.tls} once the spicepod is read)
 */
public record RuntimeOptions(Optional<Path> spicepod, HostPort http, HostPort flight, HostPort metrics,
        HostPort openTelemetry, Path home, Path pluginsDir, Optional<Path> dataDir, int flightMaxMessageBytes,
        java.time.Duration shutdownGracePeriod, TlsFlags tls) {

    /** gRPC's inbound message limit on {@code --flight}: 100 MiB unless told otherwise. */
    public static final int DEFAULT_FLIGHT_MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

    public RuntimeOptions {
        requireNonNull(spicepod, "spicepod");
        requireNonNull(http, "http");
        requireNonNull(flight, "flight");
        requireNonNull(metrics, "metrics");
        requireNonNull(openTelemetry, "openTelemetry");
        requireNonNull(home, "home");
        requireNonNull(pluginsDir, "pluginsDir");
        requireNonNull(dataDir, "dataDir");
        requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
        if (shutdownGracePeriod.isNegative()) {
            throw new IllegalArgumentException("--shutdown-grace-period must not be negative");
        }
        requireNonNull(tls, "tls");
        if (flightMaxMessageBytes < 1024) {
            throw new IllegalArgumentException("--flight-max-message-size must be at least 1 KiB");
        }
    }

    public Path systemDir() {
        return home.resolve("system");
    }

    public Path quickstart() {
        return home.resolve("conf").resolve("spicepod.yaml");
    }
}

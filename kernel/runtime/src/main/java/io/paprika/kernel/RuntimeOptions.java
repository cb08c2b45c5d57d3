package io.paprika.kernel;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code bin/spiced} was told: the spicepod, the listen addresses and the folders.
 *
 * @param home      the distribution folder (holding system/, plugins/, conf/)
 * @param dataDir   where file-mode accelerations live; empty means {@code .spice/data} beside the spicepod
 */
public record RuntimeOptions(Optional<Path> spicepod, HostPort http, HostPort flight, HostPort metrics,
        HostPort openTelemetry, Path home, Path pluginsDir, Optional<Path> dataDir) {

    public RuntimeOptions {
        requireNonNull(spicepod, "spicepod");
        requireNonNull(http, "http");
        requireNonNull(flight, "flight");
        requireNonNull(metrics, "metrics");
        requireNonNull(openTelemetry, "openTelemetry");
        requireNonNull(home, "home");
        requireNonNull(pluginsDir, "pluginsDir");
        requireNonNull(dataDir, "dataDir");
    }

    public Path systemDir() {
        return home.resolve("system");
    }

    public Path quickstart() {
        return home.resolve("conf").resolve("spicepod.yaml");
    }
}

package io.paprika.kernel.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A parsed, validated spicepod.
 *
 * @param file        the file it was read from
 * @param runtimeKeys the {@code runtime} keys given (accepted; applied by later parts of the runtime)
 * @param resultsCache {@code runtime.results_cache}, or its defaults when not given
 * @param apiKey      {@code runtime.auth.api-key}, or disabled when not given
 * @param tls         {@code runtime.tls}, or disabled when not given
 * @param secretValues every resolved secret value, so output can be scrubbed of them
 */
public record Spicepod(Path file, String name, String version, List<DatasetSpec> datasets, List<ViewSpec> views,
        Set<String> runtimeKeys, ResultsCacheSpec resultsCache, ApiKeySpec apiKey, TlsSpec tls,
        Set<String> secretValues) {

    public Spicepod {
        requireNonNull(file, "file");
        requireNonNull(name, "name");
        requireNonNull(version, "version");
        datasets = List.copyOf(requireNonNull(datasets, "datasets"));
        views = List.copyOf(requireNonNull(views, "views"));
        runtimeKeys = Set.copyOf(requireNonNull(runtimeKeys, "runtimeKeys"));
        requireNonNull(resultsCache, "resultsCache");
        requireNonNull(apiKey, "apiKey");
        requireNonNull(tls, "tls");
        secretValues = Set.copyOf(requireNonNull(secretValues, "secretValues"));
    }

    /** The folder holding the spicepod: relative paths and {@code .env} files are resolved here. */
    public Path directory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }
}

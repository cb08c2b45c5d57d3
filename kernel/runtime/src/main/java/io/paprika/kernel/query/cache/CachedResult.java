package io.paprika.kernel.query.cache;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.ArrowStream;

/**
 * A query's result stream (the caller closes it) and where it came from.
 */
public record CachedResult(ArrowStream stream, CacheStatus status) {

    public CachedResult {
        requireNonNull(stream, "stream");
        requireNonNull(status, "status");
    }
}

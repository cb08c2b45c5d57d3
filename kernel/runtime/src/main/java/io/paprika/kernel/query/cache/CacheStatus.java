package io.paprika.kernel.query.cache;

import java.util.Optional;

/** Whether a result came from the results cache, with the response headers Spice sends for it. */
public enum CacheStatus {
    /** Answered from a recorded result; the engine was not asked. */
    HIT,
    /** Not cached yet; the engine ran it and the result is being recorded. */
    MISS,
    /** The client asked for a fresh result ({@code Cache-Control: no-cache}). */
    BYPASS,
    /** The cache does not apply: it is off, or the query calls a function such as now(). */
    UNCACHED;

    /** {@code Results-Cache-Status}, as current Spice releases send it; empty when the cache did not apply. */
    public Optional<String> resultsCacheStatus() {
        return this == UNCACHED ? Optional.empty() : Optional.of(name());
    }

    /** {@code X-Cache}, as earlier Spice releases send it; empty when no lookup was made. */
    public Optional<String> xCache() {
        return switch (this) {
            case HIT -> Optional.of("Hit from spiceai");
            case MISS -> Optional.of("Miss from spiceai");
            default -> Optional.empty();
        };
    }
}

package io.paprika.kernel.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * {@code runtime.results_cache}: query results kept in memory for a short while, so a burst of
 * identical queries runs once.
 *
 * @param enabled        whether results are cached at all
 * @param maxSizeBytes   the most bytes of results (Arrow IPC) held; a larger result is not cached
 * @param itemTtl        how long a result is served after it was recorded
 * @param evictionPolicy which entries make room when full (only {@code lru})
 * @param cacheKeyType   what identifies a query (only {@code sql}: its text and bound parameters)
 */
public record ResultsCacheSpec(boolean enabled, long maxSizeBytes, Duration itemTtl, String evictionPolicy,
        String cacheKeyType) {
    public static final long DEFAULT_MAX_SIZE_BYTES = 128L << 20;
    public static final Duration DEFAULT_ITEM_TTL = Duration.ofSeconds(1);
    public static final String LRU = "lru";
    public static final String SQL_KEY = "sql";

    public ResultsCacheSpec {
        requireNonNull(itemTtl, "itemTtl");
        requireNonNull(evictionPolicy, "evictionPolicy");
        requireNonNull(cacheKeyType, "cacheKeyType");
        if (maxSizeBytes <= 0 || itemTtl.isNegative() || itemTtl.isZero()) {
            throw new IllegalArgumentException("results cache size and item_ttl must be positive");
        }
    }

    /** What Spice does with no {@code results_cache} section: on, 128 MiB, 1 s, LRU. */
    public static ResultsCacheSpec defaults() {
        return new ResultsCacheSpec(true, DEFAULT_MAX_SIZE_BYTES, DEFAULT_ITEM_TTL, LRU, SQL_KEY);
    }
}

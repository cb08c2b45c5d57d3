package io.paprika.kernel.config;

import io.paprika.kernel.ByteSizes;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Reads {@code runtime.results_cache} strictly; anything not implemented is an error, not a silent no-op. */
final class ResultsCacheSection {
    /** {@code cache_max_size} is Spice's documented key; {@code max_size} its newer spelling. */
    static final Set<String> KEYS = Set.of("enabled", "max_size", "cache_max_size", "item_ttl", "eviction_policy",
            "cache_key_type");

    private ResultsCacheSection() {
    }

    static ResultsCacheSpec parse(YamlMap m) throws ConfigException {
        m.allowOnly(KEYS);
        if (m.has("max_size") && m.has("cache_max_size")) {
            throw ConfigException.at(m.child("cache_max_size"), m.lineOf("cache_max_size"),
                    "is the same setting as `max_size`; keep one");
        }
        String sizeKey = m.has("cache_max_size") ? "cache_max_size" : "max_size";
        long maxSize = ResultsCacheSpec.DEFAULT_MAX_SIZE_BYTES;
        Optional<String> size = m.string(sizeKey);
        if (size.isPresent()) {
            try {
                maxSize = ByteSizes.parse(size.get(), "`" + size.get() + "`");
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(m.child(sizeKey), m.lineOf(sizeKey), e.getMessage()
                        + "; use a size such as 64MiB or 1GiB");
            }
            if (maxSize <= 0) {
                throw ConfigException.at(m.child(sizeKey), m.lineOf(sizeKey),
                        "must be more than 0; to turn the cache off use `enabled: false`");
            }
        }
        Duration ttl = m.duration("item_ttl").orElse(ResultsCacheSpec.DEFAULT_ITEM_TTL);
        if (ttl.isZero()) {
            throw ConfigException.at(m.child("item_ttl"), m.lineOf("item_ttl"),
                    "must be more than 0; to turn the cache off use `enabled: false`");
        }
        String eviction = m.oneOf("eviction_policy", Set.of(ResultsCacheSpec.LRU)).orElse(ResultsCacheSpec.LRU);
        Optional<String> keyType = m.string("cache_key_type");
        if (keyType.isPresent() && !ResultsCacheSpec.SQL_KEY.equals(keyType.get())) {
            throw ConfigException.at(m.child("cache_key_type"), m.lineOf("cache_key_type"), "`" + keyType.get()
                    + "` is not supported: results are keyed by the exact SQL text and parameters; use `sql` "
                    + "or leave the key out");
        }
        return new ResultsCacheSpec(m.bool("enabled").orElse(true), maxSize, ttl, eviction, ResultsCacheSpec.SQL_KEY);
    }
}

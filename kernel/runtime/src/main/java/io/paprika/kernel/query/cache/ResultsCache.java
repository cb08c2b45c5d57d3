package io.paprika.kernel.query.cache;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Recorded query results (Arrow IPC bytes) by query, bounded by total bytes (least recently used
 * go first) and kept for a fixed time after they were recorded. Caffeine does the bookkeeping.
 *
 * <p>Each dataset has a version, bumped when its rows change. A recording remembers the versions
 * it started under and is dropped if any moved meanwhile, so a result read before a refresh is
 * never stored after it.
 */
public final class ResultsCache {
    private final Cache<CacheKey, Entry> cache;
    private final long maxBytes;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** What was recorded and which datasets it read (lower case). */
    private record Entry(byte[] ipc, Set<String> datasets) {
    }

    /** The dataset versions a recording started under. */
    static final class Ticket {
        private final Map<String, Long> versions;

        private Ticket(Map<String, Long> versions) {
            this.versions = versions;
        }
    }

    /**
     * @param ticker the clock for item expiry ({@link Ticker#systemTicker()} outside tests)
     */
    public ResultsCache(long maxBytes, Duration itemTtl, Ticker ticker) {
        requireNonNull(itemTtl, "itemTtl");
        requireNonNull(ticker, "ticker");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((CacheKey k, Entry e) -> k.weight() + e.ipc().length)
                .expireAfterWrite(itemTtl)
                .ticker(ticker)
                // Evict on the caller's thread: no background pool, and sizes are exact when asked.
                .executor(Runnable::run)
                .build();
    }

    /** The largest result worth recording: one that fills the whole cache. */
    public long maxItemBytes() {
        return maxBytes;
    }

    /** A recorded result still within its time, counted as a hit. */
    Optional<byte[]> get(CacheKey key) {
        Entry e = cache.getIfPresent(key);
        if (e == null) {
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(e.ipc());
    }

    /** Starts a recording of a query reading {@code datasets}; counted as a miss. */
    Ticket begin(Set<String> datasets) {
        misses.increment();
        Map<String, Long> at = new HashMap<>();
        for (String d : datasets) {
            String name = d.toLowerCase(Locale.ROOT);
            at.put(name, versions.getOrDefault(name, 0L));
        }
        return new Ticket(at);
    }

    /** Stores a finished recording, unless a dataset it read changed since it began. */
    void put(CacheKey key, Ticket ticket, byte[] ipc) {
        if (!current(ticket)) {
            return;
        }
        Entry entry = new Entry(ipc, Set.copyOf(ticket.versions.keySet()));
        cache.put(key, entry);
        // A change that raced the put: invalidate() may have swept before the entry was in.
        if (!current(ticket)) {
            cache.asMap().remove(key, entry);
        }
    }

    private boolean current(Ticket ticket) {
        for (Map.Entry<String, Long> v : ticket.versions.entrySet()) {
            if (!versions.getOrDefault(v.getKey(), 0L).equals(v.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Drops every result that read the dataset, and any recording of it now in flight. */
    public void invalidate(String dataset) {
        String name = dataset.toLowerCase(Locale.ROOT);
        versions.merge(name, 1L, Long::sum);
        cache.asMap().values().removeIf(e -> e.datasets().contains(name));
    }

    /** For {@code /v1/status}: bytes held, the limit, entries, hits and misses since start. */
    public Map<String, Object> stats() {
        cache.cleanUp();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("enabled", true);
        out.put("size_bytes", cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L));
        out.put("max_size_bytes", maxBytes);
        out.put("entries", cache.estimatedSize());
        out.put("hits", hits.sum());
        out.put("misses", misses.sum());
        return out;
    }
}

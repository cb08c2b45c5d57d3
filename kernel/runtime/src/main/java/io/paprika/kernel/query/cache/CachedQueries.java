package io.paprika.kernel.query.cache;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.query.QueryException;
import io.paprika.kernel.query.QueryService;
import io.paprika.spi.ArrowStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Runs queries through the results cache: a query answered within the item TTL is read back from
 * its recorded bytes without touching the engine; otherwise the engine runs it and its result is
 * recorded while it streams to this first client. HTTP and Flight share one instance.
 */
public final class CachedQueries {
    private final QueryService queries;
    private final ResultsCache cache;

    /**
     * @param cache the cache, or empty to run every query in its engine
     */
    public CachedQueries(QueryService queries, Optional<ResultsCache> cache) {
        this.queries = requireNonNull(queries, "queries");
        this.cache = requireNonNull(cache, "cache").orElse(null);
    }

    /** Runs the query with its parameters; the caller closes the result's stream. */
    public CachedResult execute(String sql, List<Object> parameters, BufferAllocator allocator)
            throws QueryException {
        return execute(sql, parameters, allocator, true);
    }

    /**
     * @param useCache false when the client asked for a fresh result: the engine runs it and
     *                 nothing is read from or written to the cache
     */
    public CachedResult execute(String sql, List<Object> parameters, BufferAllocator allocator, boolean useCache)
            throws QueryException {
        if (cache == null) {
            return new CachedResult(queries.execute(sql, parameters, allocator), CacheStatus.UNCACHED);
        }
        if (!useCache) {
            return new CachedResult(queries.execute(sql, parameters, allocator), CacheStatus.BYPASS);
        }
        CacheKey key = CacheKey.of(sql, parameters);
        Optional<byte[]> hit = cache.get(key);
        if (hit.isPresent()) {
            return new CachedResult(replay(hit.get(), allocator), CacheStatus.HIT);
        }
        Set<String> read = queries.datasetsRead(sql);
        if (NonDeterministic.calls(sql) || !queries.readsData(sql)) {
            return new CachedResult(queries.execute(sql, parameters, allocator), CacheStatus.UNCACHED);
        }
        ResultsCache.Ticket ticket = cache.begin(read);
        ArrowStream stream = queries.execute(sql, parameters, allocator);
        try {
            RecordingReader recording = new RecordingReader(stream.reader(), cache.maxItemBytes(),
                    bytes -> cache.put(key, ticket, bytes));
            return new CachedResult(new ArrowStream(recording, stream), CacheStatus.MISS);
        } catch (IOException | RuntimeException e) {
            // Could not even look at the result's schema to record it: serve it unrecorded.
            return new CachedResult(stream, CacheStatus.MISS);
        }
    }

    /** Drops the results that read a dataset whose rows changed. */
    public void invalidate(String dataset) {
        if (cache != null) {
            cache.invalidate(dataset);
        }
    }

    /** Size, entries, hits and misses, or {@code enabled: false}. */
    public Map<String, Object> stats() {
        return cache == null ? Map.of("enabled", false) : cache.stats();
    }

    private static ArrowStream replay(byte[] ipc, BufferAllocator allocator) {
        return new ArrowStream(new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator));
    }
}

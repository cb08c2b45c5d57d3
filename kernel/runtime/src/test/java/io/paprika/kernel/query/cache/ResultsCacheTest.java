package io.paprika.kernel.query.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResultsCacheTest {
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final ResultsCache cache = new ResultsCache(10_000, Duration.ofSeconds(1), ticker);

    private static CacheKey key(String sql, Object... params) {
        return CacheKey.of(sql, List.of(params));
    }

    private void store(CacheKey key, int bytes, String... datasets) {
        cache.put(key, cache.begin(Set.of(datasets)), new byte[bytes]);
    }

    @Test
    void hitAfterRecordingCountsHitsAndMisses() {
        CacheKey k = key("SELECT * FROM a");
        assertEquals(Optional.empty(), cache.get(k));
        byte[] ipc = {1, 2, 3};
        cache.put(k, cache.begin(Set.of("a")), ipc);
        assertArrayEquals(ipc, cache.get(k).orElseThrow());
        assertArrayEquals(ipc, cache.get(k).orElseThrow());
        Map<String, Object> stats = cache.stats();
        assertEquals(2L, stats.get("hits"));
        assertEquals(1L, stats.get("misses"));
        assertEquals(1L, stats.get("entries"));
        assertEquals(3L + k.weight(), stats.get("size_bytes"));
    }

    @Test
    void entriesExpireAfterTheItemTtl() {
        CacheKey k = key("SELECT 1");
        store(k, 10);
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertTrue(cache.get(k).isPresent());
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertEquals(Optional.empty(), cache.get(k));
    }

    @Test
    void totalSizeStaysWithinTheLimit() {
        for (int i = 0; i < 20; i++) {
            store(key("SELECT " + i), 3_000, "a");
        }
        Map<String, Object> stats = cache.stats();
        assertTrue((Long) stats.get("size_bytes") <= 10_000, stats.toString());
        assertTrue((Long) stats.get("entries") <= 3, stats.toString());
    }

    @Test
    void aChangedDatasetDropsOnlyTheResultsThatReadIt() {
        CacheKey a = key("SELECT * FROM a");
        CacheKey ab = key("SELECT * FROM a JOIN b USING (id)");
        CacheKey b = key("SELECT * FROM b");
        store(a, 10, "a");
        store(ab, 10, "a", "B");
        store(b, 10, "b");
        cache.invalidate("A");
        assertEquals(Optional.empty(), cache.get(a));
        assertEquals(Optional.empty(), cache.get(ab));
        assertTrue(cache.get(b).isPresent());
    }

    @Test
    void aRecordingThatRacedARefreshIsNotStored() {
        CacheKey k = key("SELECT * FROM a");
        ResultsCache.Ticket before = cache.begin(Set.of("a"));
        cache.invalidate("a");
        cache.put(k, before, new byte[10]);
        assertEquals(Optional.empty(), cache.get(k));
        store(k, 10, "a");
        assertTrue(cache.get(k).isPresent());
    }

    @Test
    void parametersArePartOfTheKey() {
        store(key("SELECT * FROM a WHERE id = ?", 1), 10, "a");
        assertTrue(cache.get(key("SELECT * FROM a WHERE id = ?", 1)).isPresent());
        assertEquals(Optional.empty(), cache.get(key("SELECT * FROM a WHERE id = ?", 2)));
        assertEquals(Optional.empty(), cache.get(key("SELECT * FROM a WHERE id = ?", "1")));
        assertEquals(Optional.empty(), cache.get(key("SELECT * FROM a WHERE id = ?")));
        assertEquals(key("q", (Object) new byte[] {1, 2}), key("q", (Object) new byte[] {1, 2}));
        assertNotEquals(key("q", (Object) new byte[] {1, 2}), key("q", (Object) new byte[] {1, 3}));
    }
}

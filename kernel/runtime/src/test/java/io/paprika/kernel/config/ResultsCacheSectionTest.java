package io.paprika.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCacheSectionTest {
    private static final String HEAD = "version: v1\nkind: Spicepod\nname: p\n";

    @TempDir
    Path dir;

    private ResultsCacheSpec parse(String runtime) throws Exception {
        Path f = dir.resolve("spicepod.yaml");
        Files.writeString(f, HEAD + runtime);
        return new SpicepodParser(Map.of(), Set.of()).parse(f).resultsCache();
    }

    private String error(String runtime) {
        return assertThrows(ConfigException.class, () -> parse(runtime)).getMessage();
    }

    @Test
    void defaultsAreSpices() throws Exception {
        ResultsCacheSpec none = parse("");
        assertEquals(ResultsCacheSpec.defaults(), none);
        assertTrue(none.enabled());
        assertEquals(128L * 1024 * 1024, none.maxSizeBytes());
        assertEquals(Duration.ofSeconds(1), none.itemTtl());
        assertEquals("lru", none.evictionPolicy());
        assertEquals("sql", none.cacheKeyType());
        assertEquals(none, parse("runtime:\n  results_cache: {}\n"));
    }

    @Test
    void readsEveryKey() throws Exception {
        ResultsCacheSpec s = parse("""
                runtime:
                  results_cache:
                    enabled: false
                    max_size: 1GiB
                    item_ttl: 5m
                    eviction_policy: lru
                    cache_key_type: sql
                """);
        assertFalse(s.enabled());
        assertEquals(1L << 30, s.maxSizeBytes());
        assertEquals(Duration.ofMinutes(5), s.itemTtl());
        assertEquals(64L << 20, parse("runtime:\n  results_cache:\n    cache_max_size: 64MiB\n").maxSizeBytes());
    }

    @Test
    void badValuesNameTheKeyAndLine() {
        String unknown = error("runtime:\n  results_cache:\n    ttl: 1s\n");
        assertTrue(unknown.contains("`runtime.results_cache.ttl` (line 6)"), unknown);
        assertTrue(unknown.contains("item_ttl"), unknown);
        String size = error("runtime:\n  results_cache:\n    max_size: lots\n");
        assertTrue(size.contains("`runtime.results_cache.max_size` (line 6)") && size.contains("1GiB"), size);
        String ttl = error("runtime:\n  results_cache:\n    item_ttl: soon\n");
        assertTrue(ttl.contains("`runtime.results_cache.item_ttl` (line 6)"), ttl);
        assertTrue(error("runtime:\n  results_cache:\n    item_ttl: 0s\n").contains("enabled: false"));
        assertTrue(error("runtime:\n  results_cache:\n    eviction_policy: tiny_lfu\n").contains("use one of: lru"));
        String keyType = error("runtime:\n  results_cache:\n    cache_key_type: plan\n");
        assertTrue(keyType.contains("`runtime.results_cache.cache_key_type`") && keyType.contains("use `sql`"),
                keyType);
        assertTrue(error("runtime:\n  results_cache:\n    enabled: yes please\n").contains("true or false"));
        assertTrue(error("runtime:\n  results_cache:\n    max_size: 1MiB\n    cache_max_size: 2MiB\n")
                .contains("keep one"));
    }
}

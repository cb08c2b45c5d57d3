package io.paprika.kernel.query.cache;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A query as the cache tells queries apart: the exact SQL text and its bound parameters. Each
 * parameter is kept with its type, so {@code 1} and {@code '1'} are different queries, and arrays
 * (binary parameters) compare by content.
 */
record CacheKey(String sql, List<String> parameters) {

    CacheKey {
        requireNonNull(sql, "sql");
        parameters = List.copyOf(requireNonNull(parameters, "parameters"));
    }

    static CacheKey of(String sql, List<Object> parameters) {
        List<String> out = new ArrayList<>(parameters.size());
        for (Object p : parameters) {
            if (p == null) {
                out.add("null");
            } else if (p instanceof byte[] bytes) {
                out.add("byte[]:" + Base64.getEncoder().encodeToString(bytes));
            } else {
                out.add(p.getClass().getName() + ":" + p);
            }
        }
        return new CacheKey(sql, out);
    }

    /** Roughly the memory the key holds, counted against the cache's size. */
    int weight() {
        int w = sql.length() * 2;
        for (String p : parameters) {
            w += p.length() * 2;
        }
        return w;
    }
}

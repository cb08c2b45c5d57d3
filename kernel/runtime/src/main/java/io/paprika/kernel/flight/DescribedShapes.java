package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paprika.spi.QueryShape;
import java.time.Duration;
import java.util.function.Function;

/**
 * The shapes (result and parameter schemas) of prepared SQL, kept a short while by text: the
 * handle carries only the SQL, so each execution would otherwise plan the query once more just to
 * describe it. Short-lived so a dataset whose columns change is described anew soon.
 */
final class PreparedShapes {
    private final Cache<String, QueryShape> bySql = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(Duration.ofSeconds(30)).build();
    private final Function<String, QueryShape> describe;

    PreparedShapes(Function<String, QueryShape> describe) {
        this.describe = requireNonNull(describe, "describe");
    }

    /** Describes {@code sql} afresh, as preparing a statement should, and keeps the answer. */
    QueryShape prepare(String sql) {
        QueryShape shape = describe.apply(sql);
        bySql.put(sql, shape);
        return shape;
    }

    QueryShape of(String sql) {
        return bySql.get(sql, describe);
    }
}

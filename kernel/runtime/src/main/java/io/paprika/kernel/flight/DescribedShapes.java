package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paprika.spi.QueryShape;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The shapes (result and parameter schemas) of SQL, kept by text. Flight describes a statement at
 * GetFlightInfo before the client fetches it, and a prepared statement at every execution (its
 * handle carries only the SQL); describing plans the query and prepares it in its engine, a few
 * milliseconds each time. A shape is dropped when any dataset's rows change (a load may change
 * its columns), and after 30 s at most.
 */
final class DescribedShapes {
    private final Cache<String, QueryShape> bySql = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(Duration.ofSeconds(30)).build();
    /** Counts the changes, so a shape described across one is not kept. */
    private final AtomicLong changes = new AtomicLong();
    private final Function<String, QueryShape> describe;

    DescribedShapes(Function<String, QueryShape> describe) {
        this.describe = requireNonNull(describe, "describe");
    }

    /** Describes {@code sql} afresh, as preparing a statement should, and keeps the answer. */
    QueryShape prepare(String sql) {
        return describeAndKeep(sql);
    }

    /** The kept shape of {@code sql}, or a new one. */
    QueryShape of(String sql) {
        QueryShape kept = bySql.getIfPresent(sql);
        return kept != null ? kept : describeAndKeep(sql);
    }

    /** Forgets every shape: some dataset's rows, and so perhaps its columns, changed. */
    void datasetChanged(String dataset) {
        changes.incrementAndGet();
        bySql.invalidateAll();
    }

    private QueryShape describeAndKeep(String sql) {
        long at = changes.get();
        QueryShape shape = describe.apply(sql);
        if (changes.get() == at) {
            bySql.put(sql, shape);
        }
        return shape;
    }
}

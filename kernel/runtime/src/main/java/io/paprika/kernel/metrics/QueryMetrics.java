package io.paprika.kernel.metrics;

import static java.util.Objects.requireNonNull;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;

/**
 * SQL queries by protocol ({@code http} or {@code flight}): how many ran, failed, how long they
 * took and how many rows they returned. Labels carry the protocol only, never the SQL.
 */
public final class QueryMetrics {
    public static final String HTTP = "http";
    public static final String FLIGHT = "flight";

    private final Counter executions;
    private final Counter failures;
    private final Counter rows;
    private final Histogram duration;

    QueryMetrics(CollectorRegistry registry) {
        requireNonNull(registry, "registry");
        executions = Counter.build("query_executions", "SQL queries started, by protocol.")
                .labelNames("protocol").register(registry);
        failures = Counter.build("query_failures", "SQL queries that failed (refused, or broke while streaming), by protocol.")
                .labelNames("protocol").register(registry);
        rows = Counter.build("query_returned_rows", "Rows returned to clients by SQL queries, by protocol.")
                .labelNames("protocol").register(registry);
        duration = Histogram.build("query_duration_ms", "Time from receiving a SQL query to its last row sent, in milliseconds, by protocol.")
                .labelNames("protocol").buckets(Buckets.MILLIS).register(registry);
    }

    /** Counts into a registry nobody scrapes: for a service built without the runtime's metrics. */
    public static QueryMetrics detached() {
        return new QueryMetrics(new CollectorRegistry());
    }

    /** Counts a query as started; the caller reports its end through the returned run. */
    public QueryRun start(String protocol) {
        executions.labels(protocol).inc();
        failures.labels(protocol); // a protocol's series start at 0, so rates work from its first query
        rows.labels(protocol);
        return new QueryRun(this, protocol);
    }

    void finished(String protocol, boolean failed, long returnedRows, long nanos) {
        if (failed) {
            failures.labels(protocol).inc();
        }
        rows.labels(protocol).inc(returnedRows);
        duration.labels(protocol).observe(nanos / 1e6);
    }
}

package io.paprika.kernel.metrics;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.ArrowStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/** One query being measured: it ends once, either refused ({@link #failed}) or when its stream closes. */
public final class QueryRun {
    private final QueryMetrics metrics;
    private final String protocol;
    private final long started = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();

    QueryRun(QueryMetrics metrics, String protocol) {
        this.metrics = requireNonNull(metrics, "metrics");
        this.protocol = requireNonNull(protocol, "protocol");
    }

    /** The query was refused or failed before any row was produced. */
    public void failed() {
        end(true, 0);
    }

    /**
     * The result to send instead of {@code stream}: the same batches, counted as they pass; closing
     * it records the query (a failure if reading a batch threw).
     */
    public ArrowStream track(ArrowStream stream) {
        try {
            return new ArrowStream(new CountingReader(stream.reader(), this::end), stream);
        } catch (IOException e) {
            // The result cannot even show its schema: sending it will fail the same way, so count that.
            end(true, 0);
            return stream;
        }
    }

    private void end(boolean failed, long rows) {
        if (ended.compareAndSet(false, true)) {
            metrics.finished(protocol, failed, rows, System.nanoTime() - started);
        }
    }
}

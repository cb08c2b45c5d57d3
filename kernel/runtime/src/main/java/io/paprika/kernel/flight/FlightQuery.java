package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.metrics.QueryRun;
import io.paprika.kernel.query.QueryAbortedException;
import io.paprika.kernel.query.QueryException;
import io.paprika.kernel.query.cache.CachedQueries;
import io.paprika.spi.ArrowStream;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DoGet: runs the query once and streams it; every failure ends the call with a status, never
 * a hang. It starts on the gRPC call's thread and sends what the client can take at once, so a
 * small result (a lookup's one row) needs no hand-off to another thread; each hand-off is a
 * wake-up, and a prepared lookup's calls already make several. Whatever the client is not ready
 * for yet continues on {@code waiting}, where blocking is allowed.
 */
final class FlightQuery {
    private static final Logger LOG = LoggerFactory.getLogger(FlightQuery.class);

    private final ServerStreamListener listener;
    private final QueryRun measured;
    private final BufferAllocator allocator;
    private final DrainedAllocators drained;
    private ArrowStream stream;
    private StreamSender sender;

    private FlightQuery(ServerStreamListener listener, QueryRun measured, BufferAllocator allocator,
            DrainedAllocators drained) {
        this.listener = requireNonNull(listener, "listener");
        this.measured = requireNonNull(measured, "measured");
        this.allocator = requireNonNull(allocator, "allocator");
        this.drained = requireNonNull(drained, "drained");
    }

    /**
     * Runs {@code sql} and streams it to {@code listener}; the query's allocator is a child of
     * {@code parent} and closes once gRPC has written the last batch.
     */
    static void run(CachedQueries queries, String sql, List<Object> parameters, ServerStreamListener listener,
            QueryRun measured, BufferAllocator parent, DrainedAllocators drained, Executor waiting) {
        FlightQuery query = new FlightQuery(listener, measured,
                parent.newChildAllocator("flight-query", 0, Long.MAX_VALUE), drained);
        if (!query.step(() -> {
            query.stream = measured.track(queries.execute(sql, parameters, query.allocator).stream());
            query.sender = new StreamSender(query.stream, listener, query.allocator);
            return query.sender.sendWhileReady();
        })) {
            try {
                waiting.execute(() -> query.step(() -> {
                    query.sender.finish();
                    return true;
                }));
            } catch (RejectedExecutionException e) { // the service is closing
                query.step(() -> {
                    throw new QueryAbortedException("the runtime is shutting down");
                });
            }
        }
    }

    /** A part of the query's work; true once the call is complete. */
    private interface Step {
        boolean run() throws Exception;
    }

    /** Runs a step; true when the query is over (completed, cancelled or failed) and released. */
    private boolean step(Step step) {
        boolean over = true;
        try {
            over = step.run();
            if (over && listener.isCancelled()) {
                LOG.info("Flight query cancelled by the client after {} rows; stopped", sender == null ? 0 : sender.rows());
            }
        } catch (QueryException e) {
            failed();
            listener.error(FlightErrors.of(e));
        } catch (QueryAbortedException e) {
            failed();
            listener.error(CallStatus.UNAVAILABLE.withDescription(e.getMessage()).toRuntimeException());
        } catch (Exception e) {
            failed();
            if (!listener.isCancelled()) {
                LOG.warn("Flight query failed while streaming: {}", e.toString());
                listener.error(FlightErrors.internal("the query failed while streaming: " + e.getMessage(), e));
            }
        } finally {
            if (over) {
                release();
            }
        }
        return over;
    }

    /**
     * The stream closes first, so a query that streamed before failing is recorded by its stream
     * (with its rows); {@link QueryRun#failed()} counts only one that never streamed.
     */
    private void failed() {
        closeStream();
        measured.failed();
    }

    private void release() {
        closeStream();
        drained.closeWhenDrained(allocator);
    }

    /** Closing the stream ends the query's run for the metrics. */
    private void closeStream() {
        try {
            if (sender != null) {
                sender.close();
            }
            if (stream != null) {
                stream.close();
            }
        } catch (Exception e) {
            LOG.debug("closing a Flight query's stream: {}", e.toString());
        } finally {
            sender = null;
            stream = null;
        }
    }
}

package io.paprika.kernel.flight;

import io.paprika.spi.ArrowStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Streams a query result to a Flight client batch by batch: the next batch is produced only when
 * the client can take it (back-pressure), and a cancelled call stops producing at once.
 *
 * <p>Runs on a worker thread, never on the gRPC call's own thread: gRPC delivers the "ready" and
 * "cancelled" callbacks on that thread, so blocking it would wait forever.
 */
final class StreamSender {
    /** How long a client may keep the stream blocked before the server gives up on it. */
    private static final long STALLED_CLIENT_MILLIS = TimeUnit.MINUTES.toMillis(10);
    /** Re-checks readiness this often too: gRPC may flip the flag back before the callback runs. */
    private static final long POLL_MILLIS = 50;

    private final ServerStreamListener listener;
    private final Object signal = new Object();

    private StreamSender(ServerStreamListener listener) {
        this.listener = listener;
        listener.setOnReadyHandler(this::wake);
        listener.setOnCancelHandler(this::wake);
    }

    /** Sends every batch and completes the call; returns the rows sent (fewer if cancelled). */
    static long send(ArrowStream stream, ServerStreamListener listener) throws IOException, InterruptedException {
        return new StreamSender(listener).sendAll(stream);
    }

    private long sendAll(ArrowStream stream) throws IOException, InterruptedException {
        ArrowReader reader = stream.reader();
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        // The reader is also the dictionary provider (DuckDB exports ENUMs dictionary-encoded).
        listener.start(root, reader);
        long rows = 0;
        while (!listener.isCancelled() && reader.loadNextBatch()) {
            if (!awaitReady()) {
                return rows;
            }
            listener.putNext();
            rows += root.getRowCount();
        }
        if (!listener.isCancelled()) {
            listener.completed();
        }
        return rows;
    }

    /** Waits until the client can take a batch; false if it cancelled or stalled too long. */
    private boolean awaitReady() throws InterruptedException {
        long deadline = System.currentTimeMillis() + STALLED_CLIENT_MILLIS;
        synchronized (signal) {
            while (!listener.isReady() && !listener.isCancelled()) {
                if (System.currentTimeMillis() > deadline) {
                    listener.error(CallStatus.TIMED_OUT.withDescription("the client took no data for "
                            + TimeUnit.MILLISECONDS.toMinutes(STALLED_CLIENT_MILLIS) + " minutes").toRuntimeException());
                    return false;
                }
                signal.wait(POLL_MILLIS);
            }
        }
        return !listener.isCancelled();
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}

package io.paprika.kernel.flight;

import io.paprika.spi.ArrowStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Streams a query result to a Flight client batch by batch: the next batch is produced only when
 * the client can take it (back-pressure), and a cancelled call stops producing at once.
 *
 * <p>Each batch's buffers are moved (not copied) into a root of the call's own and handed to gRPC
 * as they are (zero-copy): the reader refills its vectors with new buffers, while those already
 * handed over stay alive until gRPC has written them. Without the copy a 10M-row {@code SELECT *}
 * reached a warm Java client in ~0.9-1.0 s instead of ~1.15-1.3 s.
 *
 * <p>Two steps: {@link #sendWhileReady()} may run on the gRPC call's own thread and sends only what
 * the client can take at once; {@link #finish()} waits for the client and must run on another
 * thread, since gRPC delivers the "ready" and "cancelled" callbacks on the call's thread.
 */
final class StreamSender implements AutoCloseable {
    /** How long a client may keep the stream blocked before the server gives up on it. */
    private static final long STALLED_CLIENT_MILLIS = TimeUnit.MINUTES.toMillis(10);
    /** Re-checks readiness this often too: gRPC may flip the flag back before the callback runs. */
    private static final long POLL_MILLIS = 50;

    private final ServerStreamListener listener;
    private final ArrowReader reader;
    private final VectorSchemaRoot batch;
    private final VectorSchemaRoot sent;
    private final Object signal = new Object();
    /** A batch the reader loaded that the client was not ready for yet. */
    private boolean pending;
    private long rows;

    /**
     * Starts the call with the stream's schema.
     *
     * @param allocator where the call's own root lives, and so the sent buffers: gRPC may still be
     *                  writing them after the last step (see {@link DrainedAllocators})
     */
    StreamSender(ArrowStream stream, ServerStreamListener listener, BufferAllocator allocator) throws IOException {
        this.listener = listener;
        this.reader = stream.reader();
        this.batch = reader.getVectorSchemaRoot();
        this.sent = VectorSchemaRoot.create(batch.getSchema(), allocator);
        listener.setOnReadyHandler(this::wake);
        listener.setOnCancelHandler(this::wake);
        listener.setUseZeroCopy(true);
        // The reader is also the dictionary provider (DuckDB exports ENUMs dictionary-encoded).
        listener.start(sent, reader);
    }

    /**
     * Sends batches while the client can take them, never waiting; true once the call is complete
     * (or cancelled), false if a batch waits for the client: then {@link #finish()} sends the rest.
     * A lookup's one small batch goes out here, on the call's thread, with no hand-off.
     */
    boolean sendWhileReady() throws IOException {
        while (!listener.isCancelled()) {
            if (!pending && !(pending = reader.loadNextBatch())) {
                listener.completed();
                return true;
            }
            if (!listener.isReady()) {
                return false;
            }
            sendPending();
        }
        return true;
    }

    /** Sends the rest, waiting for the client as needed, and completes the call; returns the rows sent. */
    long finish() throws IOException, InterruptedException {
        while (!listener.isCancelled()) {
            if (!pending && !(pending = reader.loadNextBatch())) {
                listener.completed();
                return rows;
            }
            if (!awaitReady()) {
                return rows;
            }
            sendPending();
        }
        return rows;
    }

    /** The rows handed to gRPC so far. */
    long rows() {
        return rows;
    }

    private void sendPending() {
        moveInto(batch, sent);
        listener.putNext();
        rows += sent.getRowCount();
        pending = false;
    }

    @Override
    public void close() {
        sent.close();
    }

    /** Moves the buffers, so nothing the reader writes later can change what gRPC still has to send. */
    private static void moveInto(VectorSchemaRoot from, VectorSchemaRoot to) {
        for (int i = 0; i < from.getFieldVectors().size(); i++) {
            from.getVector(i).makeTransferPair(to.getVector(i)).transfer();
        }
        to.setRowCount(from.getRowCount());
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

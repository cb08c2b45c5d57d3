package io.paprika.kernel.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.ArrowStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightProducer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Batches go to gRPC without a copy: what a reader writes after handing over a batch must not
 * change what the client receives, and the query's allocator closes, without a leak, once gRPC
 * has written the last of them.
 */
class StreamSenderTest {
    private static final int BATCHES = 12;
    private static final int ROWS = 1_000_000; // 8 MB a batch: gRPC is still writing when the next is made

    /**
     * How the server side sends a stream, called on the gRPC call's own thread: it must not block
     * there, sets {@code handedOff} if a worker sends (part of) it, and calls {@code done} once the
     * stream is fully handed to gRPC (with the failure, if any).
     */
    private interface Sending {
        void send(ArrowStream stream, FlightProducer.ServerStreamListener listener, BufferAllocator query,
                ExecutorService worker, AtomicBoolean handedOff, Consumer<Throwable> done) throws Exception;
    }

    @Test
    void aReaderRefillingItsBuffersCannotChangeWhatWasSent() throws Exception {
        serveAndRead(BATCHES, ROWS, (stream, listener, query, worker, handedOff, done) -> {
            handedOff.set(true);
            worker.execute(() -> {
                try (StreamSender sender = new StreamSender(stream, listener, query)) {
                    sender.finish();
                    done.accept(null);
                } catch (Throwable e) {
                    done.accept(e);
                }
            });
        });
    }

    @Test
    void aSmallResultGoesOutWholeOnTheCallThread() throws Exception {
        // One small batch: the client can take it at once, so the first step completes the call.
        assertFalse(serveAndRead(1, 3, StreamSenderTest::inTwoSteps), "a one-row result was handed to a worker");
    }

    @Test
    void aLargeResultGoesOnOnAWorkerOnceTheClientIsNotReady() throws Exception {
        // The first step must stop without waiting for the client (on the call's thread the "ready"
        // callback could never arrive: this test would hang) and leave the rest to the worker.
        assertTrue(serveAndRead(BATCHES, ROWS, StreamSenderTest::inTwoSteps), "8 MB batches never left the call thread");
    }

    /** As FlightQuery sends: what the client takes at once on the call thread, the rest on a worker. */
    private static void inTwoSteps(ArrowStream stream, FlightProducer.ServerStreamListener listener,
            BufferAllocator query, ExecutorService worker, AtomicBoolean handedOff, Consumer<Throwable> done)
            throws Exception {
        StreamSender sender = new StreamSender(stream, listener, query);
        if (sender.sendWhileReady()) {
            sender.close();
            done.accept(null);
            return;
        }
        handedOff.set(true);
        worker.execute(() -> {
            try (sender) {
                sender.finish();
                done.accept(null);
            } catch (Throwable e) {
                done.accept(e);
            }
        });
    }

    /**
     * Serves a {@link RefillingReader} of {@code batches} x {@code rows} through {@code sending},
     * reads it with a Flight client checking every batch, and checks the query's allocator closes
     * once gRPC let go; returns whether a worker sent (part of) it.
     */
    private static boolean serveAndRead(int batches, int rows, Sending sending) throws Exception {
        AtomicReference<Throwable> serverFailure = new AtomicReference<>();
        AtomicBoolean handedOff = new AtomicBoolean();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        DrainedAllocators drained = new DrainedAllocators();
        try (BufferAllocator root = new RootAllocator();
                BufferAllocator service = root.newChildAllocator("service", 0, Long.MAX_VALUE)) {
            NoOpFlightProducer producer = new NoOpFlightProducer() {
                @Override
                public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
                    BufferAllocator query = service.newChildAllocator("query", 0, Long.MAX_VALUE);
                    ArrowStream stream = new ArrowStream(new RefillingReader(query, batches, rows));
                    Consumer<Throwable> done = failure -> {
                        if (failure != null) {
                            serverFailure.set(failure);
                        }
                        try {
                            stream.close();
                            drained.closeWhenDrained(query);
                        } catch (Throwable e) { // closed while gRPC still held batches: reported as a leak
                            serverFailure.set(e);
                        }
                    };
                    try {
                        sending.send(stream, listener, query, worker, handedOff, done);
                    } catch (Throwable e) {
                        done.accept(e);
                    }
                }
            };
            try (FlightServer server = FlightServer.builder(service, Location.forGrpcInsecure("127.0.0.1", 0), producer)
                    .build().start();
                    FlightClient client = FlightClient.builder(root, Location.forGrpcInsecure("127.0.0.1",
                            server.getPort())).build();
                    FlightStream stream = client.getStream(new Ticket(new byte[] {1}))) {
                int batch = 0;
                while (stream.next()) {
                    BigIntVector values = (BigIntVector) stream.getRoot().getVector(0);
                    assertEquals(rows, stream.getRoot().getRowCount());
                    for (int i = 0; i < rows; i += 9_973) {
                        assertEquals(expected(batch, rows, i), values.get(i), "batch " + batch + " row " + i);
                    }
                    batch++;
                }
                assertEquals(batches, batch);
            } finally {
                worker.shutdown();
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (!service.getChildAllocators().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(null, serverFailure.get());
            assertEquals(0, service.getChildAllocators().size(), "the query's allocator closes once gRPC let go");
        } finally {
            drained.close();
        }
        return handedOff.get();
    }

    private static long expected(int batch, int rows, int row) {
        return (long) batch * rows + row;
    }

    /** Writes every batch into the same vector, as a reader reusing its root may. */
    private static final class RefillingReader extends ArrowReader {
        private final int batches;
        private final int rows;
        private int batch;

        RefillingReader(BufferAllocator allocator, int batches, int rows) {
            super(allocator);
            this.batches = batches;
            this.rows = rows;
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            if (batch == batches) {
                return false;
            }
            VectorSchemaRoot root = getVectorSchemaRoot();
            BigIntVector values = (BigIntVector) root.getVector(0);
            for (int i = 0; i < rows; i++) {
                values.setSafe(i, expected(batch, rows, i));
            }
            root.setRowCount(rows);
            batch++;
            return true;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {
        }

        @Override
        protected Schema readSchema() {
            return new Schema(List.of(new Field("v", FieldType.nullable(new ArrowType.Int(64, true)), null)));
        }
    }
}

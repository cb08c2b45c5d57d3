package io.paprika.kernel.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paprika.spi.ArrowStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.flight.FlightClient;
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

    @Test
    void aReaderRefillingItsBuffersCannotChangeWhatWasSent() throws Exception {
        AtomicReference<Throwable> serverFailure = new AtomicReference<>();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        DrainedAllocators drained = new DrainedAllocators();
        try (BufferAllocator root = new RootAllocator();
                BufferAllocator service = root.newChildAllocator("service", 0, Long.MAX_VALUE)) {
            NoOpFlightProducer producer = new NoOpFlightProducer() {
                @Override
                public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
                    worker.execute(() -> {
                        BufferAllocator query = service.newChildAllocator("query", 0, Long.MAX_VALUE);
                        try (ArrowStream stream = new ArrowStream(new RefillingReader(query))) {
                            StreamSender.send(stream, listener, query);
                        } catch (Throwable e) {
                            serverFailure.set(e);
                        } finally {
                            try {
                                drained.closeWhenDrained(query);
                            } catch (Throwable e) { // closed while gRPC still held batches: reported as a leak
                                serverFailure.set(e);
                            }
                        }
                    });
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
                    assertEquals(ROWS, stream.getRoot().getRowCount());
                    for (int i = 0; i < ROWS; i += 9_973) {
                        assertEquals(expected(batch, i), values.get(i), "batch " + batch + " row " + i);
                    }
                    batch++;
                }
                assertEquals(BATCHES, batch);
            } finally {
                worker.shutdown();
            }
            assertEquals(null, serverFailure.get());
            long deadline = System.currentTimeMillis() + 10_000;
            while (!service.getChildAllocators().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, service.getChildAllocators().size(), "the query's allocator closes once gRPC let go");
        } finally {
            drained.close();
        }
    }

    private static long expected(int batch, int row) {
        return (long) batch * ROWS + row;
    }

    /** Writes every batch into the same vector, as a reader reusing its root may. */
    private static final class RefillingReader extends ArrowReader {
        private int batch;

        RefillingReader(BufferAllocator allocator) {
            super(allocator);
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            if (batch == BATCHES) {
                return false;
            }
            VectorSchemaRoot root = getVectorSchemaRoot();
            BigIntVector values = (BigIntVector) root.getVector(0);
            for (int i = 0; i < ROWS; i++) {
                values.setSafe(i, expected(batch, i));
            }
            root.setRowCount(ROWS);
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

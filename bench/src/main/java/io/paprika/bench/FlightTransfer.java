package io.paprika.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Flight alone, with no query engine and no runtime: a Flight server in this JVM streams batches
 * already held in memory to a Flight client on loopback. No Flight scan of the same batches can be
 * faster on this machine, so the runtime's scan figure can be read against it.
 */
final class FlightTransfer implements AutoCloseable {
    private static final Ticket TICKET = new Ticket(new byte[] {1});
    private static final long READY_TIMEOUT_MS = 60_000;

    private final Schema schema;
    private final List<ArrowRecordBatch> batches;
    private final FlightServer server;
    private final FlightClient client;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "flight-transfer-sender");
        t.setDaemon(true);
        return t;
    });

    private FlightTransfer(Schema schema, List<ArrowRecordBatch> batches, BufferAllocator allocator) throws Exception {
        this.schema = schema;
        this.batches = batches;
        this.server = FlightServer.builder(allocator, Location.forGrpcInsecure("127.0.0.1", 0), new Producer(allocator))
                .build().start();
        this.client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", server.getPort())).build();
    }

    /** Keeps every batch of {@code reader} in memory and serves them. */
    static FlightTransfer holding(ArrowReader reader, BufferAllocator allocator) throws Exception {
        List<ArrowRecordBatch> batches = new ArrayList<>();
        try {
            while (reader.loadNextBatch()) {
                batches.add(new VectorUnloader(reader.getVectorSchemaRoot()).getRecordBatch());
            }
            return new FlightTransfer(reader.getVectorSchemaRoot().getSchema(), batches, allocator);
        } catch (Exception e) {
            AutoCloseables.close(batches);
            throw e;
        }
    }

    /** Reads every batch once through DoGet, as the Flight scan's client reads the runtime. */
    Batches fetch() throws Exception {
        Batches total = Batches.NONE;
        try (FlightStream stream = client.getStream(TICKET)) {
            while (stream.next()) {
                total = total.plus(stream.getRoot());
            }
        }
        return total;
    }

    @Override
    public void close() throws Exception {
        AutoCloseables.close(client, server::close, sender::shutdownNow);
        AutoCloseables.close(batches);
    }

    private final class Producer extends NoOpFlightProducer {
        private final BufferAllocator allocator;

        Producer(BufferAllocator allocator) {
            this.allocator = allocator;
        }

        /**
         * Sends from a thread of its own: gRPC delivers the ready callback on the call's serialized
         * executor, which never runs it while this method still holds that executor.
         */
        @Override
        public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
            sender.execute(() -> send(listener));
        }

        private void send(ServerStreamListener listener) {
            Object readiness = new Object();
            listener.setOnReadyHandler(() -> {
                synchronized (readiness) {
                    readiness.notifyAll();
                }
            });
            try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
                VectorLoader loader = new VectorLoader(root);
                listener.start(root);
                for (ArrowRecordBatch batch : batches) {
                    if (!awaitReady(listener, readiness)) {
                        listener.error(CallStatus.CANCELLED.withDescription("the client stopped reading").toRuntimeException());
                        return;
                    }
                    loader.load(batch);
                    listener.putNext();
                }
                listener.completed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                listener.error(CallStatus.CANCELLED.withDescription("interrupted").toRuntimeException());
            }
        }

        /** Waits until gRPC takes more; readiness is checked under the lock the handler notifies on. */
        private boolean awaitReady(ServerStreamListener listener, Object readiness) throws InterruptedException {
            long deadline = System.nanoTime() + READY_TIMEOUT_MS * 1_000_000;
            synchronized (readiness) {
                while (!listener.isReady()) {
                    if (listener.isCancelled() || System.nanoTime() > deadline) {
                        return false;
                    }
                    readiness.wait(100);
                }
            }
            return true;
        }
    }
}

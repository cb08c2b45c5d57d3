package io.paprika.kernel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paprika.spi.ArrowStream;
import io.prometheus.client.CollectorRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryMetricsTest {
    private final BufferAllocator allocator = new RootAllocator();
    private final CollectorRegistry registry = new CollectorRegistry();
    private final QueryMetrics metrics = new QueryMetrics(registry);

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void countsRowsAsBatchesPassAndRecordsTheQueryWhenTheStreamCloses() throws Exception {
        QueryRun run = metrics.start(QueryMetrics.HTTP);
        try (ArrowStream stream = run.track(new ArrowStream(reader(ipc(3, 4))))) {
            ArrowReader r = stream.reader();
            while (r.loadNextBatch()) {
                // a client reading every batch
            }
            assertEquals(null, value("query_duration_ms_count", "http"), "recorded only once the stream closes");
        }
        assertEquals(1.0, value("query_executions_total", "http"));
        assertEquals(7.0, value("query_returned_rows_total", "http"));
        assertEquals(0.0, value("query_failures_total", "http"));
        assertEquals(1.0, value("query_duration_ms_count", "http"));
        assertEquals(null, value("query_executions_total", "flight"), "protocols are counted apart");
    }

    @Test
    void aRefusedQueryIsOneExecutionAndOneFailure() {
        QueryRun run = metrics.start(QueryMetrics.FLIGHT);
        run.failed();
        run.failed(); // a second report of the same query changes nothing
        assertEquals(1.0, value("query_executions_total", "flight"));
        assertEquals(1.0, value("query_failures_total", "flight"));
        assertEquals(1.0, value("query_duration_ms_count", "flight"));
    }

    @Test
    void aStreamThatBreaksMidwayIsAFailureWithTheRowsSentBeforeIt() throws Exception {
        byte[] whole = ipc(5, 6);
        byte[] truncated = Arrays.copyOf(whole, whole.length - 20);
        QueryRun run = metrics.start(QueryMetrics.FLIGHT);
        try (ArrowStream stream = run.track(new ArrowStream(reader(truncated)))) {
            ArrowReader r = stream.reader();
            r.loadNextBatch();
            assertThrows(IOException.class, r::loadNextBatch);
        }
        run.failed(); // what the caller's catch does after the stream closed: already counted
        assertEquals(1.0, value("query_failures_total", "flight"));
        assertEquals(5.0, value("query_returned_rows_total", "flight"));
        assertEquals(1.0, value("query_duration_ms_count", "flight"));
    }

    private Double value(String name, String protocol) {
        return registry.getSampleValue(name, new String[] {"protocol"}, new String[] {protocol});
    }

    private ArrowReader reader(byte[] ipc) {
        return new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator);
    }

    /** Arrow IPC bytes of one BIGINT column in batches of the given sizes. */
    private byte[] ipc(int... rowsPerBatch) throws IOException {
        Schema schema = new Schema(List.of(Field.nullable("n", new ArrowType.Int(64, true))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
                ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
            writer.start();
            for (int rows : rowsPerBatch) {
                BigIntVector v = (BigIntVector) root.getVector("n");
                v.allocateNew(rows);
                for (int i = 0; i < rows; i++) {
                    v.set(i, i);
                }
                root.setRowCount(rows);
                writer.writeBatch();
            }
            writer.end();
        }
        return out.toByteArray();
    }
}

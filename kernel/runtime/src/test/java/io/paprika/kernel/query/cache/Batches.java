package io.paprika.kernel.query.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Real Arrow results for the tests: one BIGINT column {@code n}, numbered from 0 across batches. */
final class Batches {
    private Batches() {
    }

    /** A reader over batches of the given row counts. */
    static ArrowReader reader(BufferAllocator allocator, int... rowsPerBatch) throws IOException {
        Schema schema = new Schema(List.of(Field.nullable("n", new ArrowType.Int(64, true))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
                ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
            writer.start();
            long n = 0;
            for (int rows : rowsPerBatch) {
                BigIntVector v = (BigIntVector) root.getVector("n");
                v.allocateNew(rows);
                for (int i = 0; i < rows; i++) {
                    v.set(i, n++);
                }
                root.setRowCount(rows);
                writer.writeBatch();
            }
            writer.end();
        }
        return new ArrowStreamReader(new ByteArrayInputStream(out.toByteArray()), allocator);
    }

    /** Reads every row of {@code n}, to the end. */
    static List<Long> drain(ArrowReader reader) throws IOException {
        List<Long> out = new ArrayList<>();
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        while (reader.loadNextBatch()) {
            BigIntVector v = (BigIntVector) root.getVector("n");
            for (int i = 0; i < root.getRowCount(); i++) {
                out.add(v.get(i));
            }
        }
        return out;
    }

    /** The rows recorded in Arrow IPC bytes. */
    static List<Long> rows(byte[] ipc, BufferAllocator allocator) throws IOException {
        try (ArrowReader r = new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator)) {
            return drain(r);
        }
    }
}

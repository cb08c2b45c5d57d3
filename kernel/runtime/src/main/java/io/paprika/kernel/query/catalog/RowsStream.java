package io.paprika.kernel.query.catalog;

import io.paprika.spi.ArrowStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/** A small table the kernel answers itself (catalog listings) as an Arrow stream of one batch. */
public final class RowsStream {
    private RowsStream() {
    }

    /** Columns must be VARCHAR or BIGINT; a row value is a String, a Number or null. */
    public static ArrowStream of(Schema schema, List<Object[]> rows, BufferAllocator allocator) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
                ArrowStreamWriter writer = new ArrowStreamWriter(root, null, bytes)) {
            root.allocateNew();
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                for (int c = 0; c < row.length; c++) {
                    set(root.getVector(c), r, row[c]);
                }
            }
            root.setRowCount(rows.size());
            writer.start();
            writer.writeBatch();
            writer.end();
        }
        return new ArrowStream(new ArrowStreamReader(new ByteArrayInputStream(bytes.toByteArray()), allocator));
    }

    private static void set(FieldVector v, int row, Object value) {
        if (value == null) {
            v.setNull(row);
        } else if (v instanceof VarCharVector s) {
            s.setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof BigIntVector b) {
            b.setSafe(row, ((Number) value).longValue());
        } else {
            throw new IllegalArgumentException("unsupported catalog column type " + v.getField());
        }
    }
}

package io.paprika.accel.duckdb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Test rows with chosen values: (id BIGINT, name VARCHAR, tag VARCHAR), nulls allowed, in batches. */
final class SmallRows {
    static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("id", new ArrowType.Int(64, true)),
            Field.nullable("name", ArrowType.Utf8.INSTANCE),
            Field.nullable("tag", ArrowType.Utf8.INSTANCE)));

    private SmallRows() {
    }

    static Object[] row(Long id, String name, String tag) {
        return new Object[] {id, name, tag};
    }

    static ArrowReader of(BufferAllocator allocator, int batch, List<Object[]> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
                ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
            writer.start();
            for (int done = 0; done < rows.size(); done += batch) {
                int n = Math.min(batch, rows.size() - done);
                root.allocateNew();
                for (int i = 0; i < n; i++) {
                    Object[] r = rows.get(done + i);
                    BigIntVector id = (BigIntVector) root.getVector("id");
                    if (r[0] == null) {
                        id.setNull(i);
                    } else {
                        id.setSafe(i, (Long) r[0]);
                    }
                    text((VarCharVector) root.getVector("name"), i, (String) r[1]);
                    text((VarCharVector) root.getVector("tag"), i, (String) r[2]);
                }
                root.setRowCount(n);
                writer.writeBatch();
            }
            writer.end();
        }
        return new ArrowStreamReader(new ByteArrayInputStream(out.toByteArray()), allocator);
    }

    static ArrowReader of(BufferAllocator allocator, Object[]... rows) throws Exception {
        return of(allocator, 2, List.of(rows));
    }

    private static void text(VarCharVector v, int i, String s) {
        if (s == null) {
            v.setNull(i);
        } else {
            v.setSafe(i, s.getBytes(StandardCharsets.UTF_8));
        }
    }
}

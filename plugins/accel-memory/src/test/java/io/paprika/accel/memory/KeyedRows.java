package io.paprika.accel.memory;

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

/** Small (id BIGINT, v VARCHAR) streams with exact values, one Arrow batch per list; nulls allowed. */
final class KeyedRows {
    static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("id", new ArrowType.Int(64, true)),
            Field.nullable("v", ArrowType.Utf8.INSTANCE)));

    private KeyedRows() {
    }

    /** One row; either value may be null. */
    record Row(Long id, String v) {
    }

    static Row row(Long id, String v) {
        return new Row(id, v);
    }

    @SafeVarargs
    static ArrowReader batches(BufferAllocator allocator, List<Row>... batches) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
                ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
            writer.start();
            for (List<Row> batch : batches) {
                root.allocateNew();
                BigIntVector id = (BigIntVector) root.getVector("id");
                VarCharVector v = (VarCharVector) root.getVector("v");
                for (int i = 0; i < batch.size(); i++) {
                    Row r = batch.get(i);
                    if (r.id() == null) {
                        id.setNull(i);
                    } else {
                        id.setSafe(i, r.id());
                    }
                    if (r.v() == null) {
                        v.setNull(i);
                    } else {
                        v.setSafe(i, r.v().getBytes(StandardCharsets.UTF_8));
                    }
                }
                root.setRowCount(batch.size());
                writer.writeBatch();
            }
            writer.end();
        }
        return new ArrowStreamReader(new ByteArrayInputStream(out.toByteArray()), allocator);
    }
}

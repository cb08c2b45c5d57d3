package io.paprika.spi.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Builds Arrow test data as a connector would hand it over: an ArrowReader over IPC batches. */
public final class TestRows {
    public static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000);
    public static final LocalDate D0 = LocalDate.of(2024, 1, 2);

    public static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("id", new ArrowType.Int(64, true)),
            Field.nullable("price", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.nullable("name", ArrowType.Utf8.INSTANCE),
            Field.nullable("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
            Field.nullable("active", ArrowType.Bool.INSTANCE),
            Field.nullable("day", new ArrowType.Date(DateUnit.DAY))));

    private TestRows() {
    }

    /** Rows with ids {@code first .. first+count-1}, in batches of {@code batch} rows. */
    public static ArrowReader rows(BufferAllocator allocator, long first, int count, int batch) throws Exception {
        return rows(allocator, first, count, batch, Long.MAX_VALUE);
    }

    /** Like {@link #rows(BufferAllocator, long, int, int)}, ids taken modulo {@code modulo} (to repeat keys). */
    public static ArrowReader rows(BufferAllocator allocator, long first, int count, int batch, long modulo) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
                ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
            writer.start();
            for (int done = 0; done < count; done += batch) {
                int n = Math.min(batch, count - done);
                root.allocateNew();
                for (int i = 0; i < n; i++) {
                    long id = (first + done + i) % modulo;
                    ((BigIntVector) root.getVector("id")).setSafe(i, id);
                    ((Float8Vector) root.getVector("price")).setSafe(i, id * 1.5);
                    if (id % 10 == 9) {
                        ((VarCharVector) root.getVector("name")).setNull(i);
                    } else {
                        ((VarCharVector) root.getVector("name")).setSafe(i, ("name-" + id).getBytes(StandardCharsets.UTF_8));
                    }
                    long micros = ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), T0.plusSeconds(id));
                    ((TimeStampMicroVector) root.getVector("ts")).setSafe(i, micros);
                    ((BitVector) root.getVector("active")).setSafe(i, id % 2 == 0 ? 1 : 0);
                    ((DateDayVector) root.getVector("day")).setSafe(i, (int) D0.plusDays(id).toEpochDay());
                }
                root.setRowCount(n);
                writer.writeBatch();
            }
            writer.end();
        }
        return new ArrowStreamReader(new ByteArrayInputStream(out.toByteArray()), allocator);
    }

    public static long epochMicros(LocalDateTime t) {
        return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0).atOffset(ZoneOffset.UTC), t.atOffset(ZoneOffset.UTC));
    }
}

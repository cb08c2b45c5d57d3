package io.paprika.kernel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.Test;

class ResultWriterTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 1, 2, 3, 4, 0);

    /** Two batches: (1, "a,b", 1.5, t, t, 2026-01-02) and (null, null, NaN, null, null, null). */
    private static String write(ResultWriter writer) throws Exception {
        try (RootAllocator allocator = new RootAllocator()) {
            ByteArrayOutputStream ipc = new ByteArrayOutputStream();
            try (BigIntVector id = new BigIntVector("id", allocator);
                    VarCharVector name = new VarCharVector("name", allocator);
                    Float8Vector x = new Float8Vector("x", allocator);
                    TimeStampMicroVector ts = new TimeStampMicroVector("ts", allocator);
                    TimeStampMicroTZVector tz = new TimeStampMicroTZVector("tz", allocator, "UTC");
                    DateDayVector day = new DateDayVector("day", allocator);
                    VectorSchemaRoot root = VectorSchemaRoot.of(id, name, x, ts, tz, day);
                    ArrowStreamWriter w = new ArrowStreamWriter(root, null, ipc)) {
                long micros = T.toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
                id.setSafe(0, 1);
                name.setSafe(0, "a,b".getBytes(StandardCharsets.UTF_8));
                x.setSafe(0, 1.5);
                ts.setSafe(0, micros);
                tz.setSafe(0, micros);
                day.setSafe(0, (int) LocalDate.of(2026, 1, 2).toEpochDay());
                root.setRowCount(1);
                w.writeBatch();
                for (var v : root.getFieldVectors()) {
                    v.reset();
                }
                id.setNull(0);
                name.setNull(0);
                x.setSafe(0, Double.NaN);
                ts.setNull(0);
                tz.setNull(0);
                day.setNull(0);
                root.setRowCount(1);
                w.writeBatch();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipc.toByteArray()), allocator)) {
                assertEquals(2, writer.write(reader, out));
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void jsonIsAnArrayOfRowObjectsWithIsoTimes() throws Exception {
        assertEquals("[{\"id\":1,\"name\":\"a,b\",\"x\":1.5,\"ts\":\"2026-01-02T03:04:00\",\"tz\":\"2026-01-02T03:04:00Z\","
                + "\"day\":\"2026-01-02\"},{\"id\":null,\"name\":null,\"x\":null,\"ts\":null,\"tz\":null,\"day\":null}]",
                write(new JsonResultWriter()));
    }

    @Test
    void csvHasAHeaderAndQuotesWhereNeeded() throws Exception {
        assertEquals("id,name,x,ts,tz,day\n1,\"a,b\",1.5,2026-01-02T03:04:00,2026-01-02T03:04:00Z,2026-01-02\n,,,,,\n",
                write(new CsvResultWriter()));
    }

    @Test
    void acceptHeaderPicksTheFormat() {
        assertInstanceOf(CsvResultWriter.class, ResultWriter.forAccept("text/csv"));
        assertInstanceOf(TextTableWriter.class, ResultWriter.forAccept("text/plain"));
        assertInstanceOf(JsonResultWriter.class, ResultWriter.forAccept("application/json"));
        assertInstanceOf(JsonResultWriter.class, ResultWriter.forAccept(null));
    }
}

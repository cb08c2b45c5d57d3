package io.paprika.kernel.flight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.util.Text;

/** One row of a DoPut parameter batch as the Java values engines bind. */
final class ParameterValues {
    private ParameterValues() {
    }

    static List<Object> row(VectorSchemaRoot root, int row) {
        List<Object> values = new ArrayList<>();
        for (FieldVector v : root.getFieldVectors()) {
            values.add(value(v, row));
        }
        return values;
    }

    private static Object value(FieldVector v, int row) {
        if (v.isNull(row)) {
            return null;
        }
        if (v instanceof DateDayVector d) {
            return LocalDate.ofEpochDay(d.get(row));
        }
        if (v instanceof TimeStampVector ts && ((ArrowType.Timestamp) ts.getField().getType()).getTimezone() != null) {
            ArrowType.Timestamp type = (ArrowType.Timestamp) ts.getField().getType();
            long raw = ts.get(row);
            long nanos = switch (type.getUnit()) {
                case SECOND -> TimeUnit.SECONDS.toNanos(raw);
                case MILLISECOND -> TimeUnit.MILLISECONDS.toNanos(raw);
                case MICROSECOND -> TimeUnit.MICROSECONDS.toNanos(raw);
                case NANOSECOND -> raw;
            };
            return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
                    .atOffset(ZoneOffset.UTC);
        }
        Object o = v.getObject(row);
        return o instanceof Text t ? t.toString() : o;
    }
}

package io.paprika.accel.memory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Reads one Arrow vector's values as the Java objects H2 binds for the column type {@link H2Types}
 * chose. Times are converted from their epoch values directly, so the JVM time zone never matters.
 */
@FunctionalInterface
interface ColumnValues {
    /** The value at {@code row}, or null. */
    Object get(int row);

    static ColumnValues of(FieldVector v) {
        ColumnValues raw = raw(v);
        return row -> v.isNull(row) ? null : raw.get(row);
    }

    private static ColumnValues raw(FieldVector v) {
        if (v instanceof BigIntVector || v instanceof IntVector || v instanceof SmallIntVector
                || v instanceof TinyIntVector || v instanceof Float4Vector || v instanceof Float8Vector
                || v instanceof BitVector || v instanceof DecimalVector || v instanceof Decimal256Vector
                || v instanceof FixedSizeBinaryVector) {
            return v::getObject;
        }
        if (v instanceof UInt8Vector) {
            UInt8Vector u = (UInt8Vector) v;
            return row -> new BigDecimal(u.getObjectNoOverflow(row));
        }
        if (v instanceof BaseIntVector) { // the other unsigned ints fit a wider signed column
            BaseIntVector u = (BaseIntVector) v;
            return u::getValueAsLong;
        }
        if (v instanceof Float2Vector) {
            Float2Vector f = (Float2Vector) v;
            return f::getValueAsFloat;
        }
        if (v instanceof VariableWidthFieldVector) {
            return text(v);
        }
        if (v instanceof DateDayVector) {
            DateDayVector d = (DateDayVector) v;
            return row -> LocalDate.ofEpochDay(d.get(row));
        }
        if (v instanceof DateMilliVector) {
            DateMilliVector d = (DateMilliVector) v;
            return row -> LocalDate.ofEpochDay(Math.floorDiv(d.get(row), 86_400_000L));
        }
        if (v instanceof TimeSecVector) {
            TimeSecVector t = (TimeSecVector) v;
            return row -> LocalTime.ofSecondOfDay(t.get(row));
        }
        if (v instanceof TimeMilliVector) {
            TimeMilliVector t = (TimeMilliVector) v;
            return row -> LocalTime.ofNanoOfDay(t.get(row) * 1_000_000L);
        }
        if (v instanceof TimeMicroVector) {
            TimeMicroVector t = (TimeMicroVector) v;
            return row -> LocalTime.ofNanoOfDay(t.get(row) * 1_000L);
        }
        if (v instanceof TimeNanoVector) {
            TimeNanoVector t = (TimeNanoVector) v;
            return row -> LocalTime.ofNanoOfDay(t.get(row));
        }
        if (v instanceof TimeStampVector) {
            return timestamp((TimeStampVector) v);
        }
        if (v instanceof NullVector) {
            return row -> null;
        }
        throw new IllegalArgumentException("no H2 binding for Arrow type " + v.getField().getType());
    }

    /** Strings for text vectors, bytes for binary ones. */
    private static ColumnValues text(FieldVector v) {
        ArrowType.ArrowTypeID id = v.getField().getType().getTypeID();
        boolean isText = id == ArrowType.ArrowTypeID.Utf8 || id == ArrowType.ArrowTypeID.LargeUtf8
                || id == ArrowType.ArrowTypeID.Utf8View;
        VariableWidthFieldVector w = (VariableWidthFieldVector) v;
        if (isText) {
            return row -> new String(w.get(row), java.nio.charset.StandardCharsets.UTF_8);
        }
        return w::get;
    }

    private static ColumnValues timestamp(TimeStampVector v) {
        ArrowType.Timestamp type = (ArrowType.Timestamp) v.getField().getType();
        long perSecond;
        switch (type.getUnit()) {
            case SECOND:
                perSecond = 1;
                break;
            case MILLISECOND:
                perSecond = 1_000;
                break;
            case MICROSECOND:
                perSecond = 1_000_000;
                break;
            default:
                perSecond = 1_000_000_000;
        }
        long nanosPerUnit = 1_000_000_000L / perSecond;
        boolean zoned = type.getTimezone() != null;
        return row -> {
            long value = v.get(row);
            long seconds = Math.floorDiv(value, perSecond);
            int nanos = (int) (Math.floorMod(value, perSecond) * nanosPerUnit);
            return zoned
                    ? OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneOffset.UTC)
                    : LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
        };
    }
}

package io.paprika.kernel.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.util.Text;

/**
 * One Arrow cell as a plain Java value for JSON and CSV: strings, numbers, booleans, ISO-8601
 * dates and times, byte arrays, lists and maps.
 */
final class ArrowValues {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private ArrowValues() {
    }

    static Object get(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof TimeStampVector ts) {
            return timestamp(ts, row);
        }
        if (vector instanceof DateDayVector d) {
            return LocalDate.ofEpochDay(d.get(row)).toString();
        }
        if (vector instanceof DateMilliVector d) {
            return LocalDate.ofEpochDay(Math.floorDiv(d.get(row), 86_400_000L)).toString();
        }
        if (vector instanceof TimeSecVector t) {
            return LocalTime.ofSecondOfDay(t.get(row)).toString();
        }
        if (vector instanceof TimeMilliVector t) {
            return LocalTime.ofNanoOfDay(t.get(row) * 1_000_000L).toString();
        }
        if (vector instanceof TimeMicroVector t) {
            return LocalTime.ofNanoOfDay(t.get(row) * 1_000L).toString();
        }
        if (vector instanceof TimeNanoVector t) {
            return LocalTime.ofNanoOfDay(t.get(row)).toString();
        }
        Object value = vector.getObject(row);
        if (value instanceof Text text) {
            return text.toString();
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return null;
        }
        if (value instanceof LocalDateTime ldt) {
            return LOCAL.format(ldt);
        }
        return value;
    }

    private static String timestamp(TimeStampVector v, int row) {
        ArrowType.Timestamp type = (ArrowType.Timestamp) v.getField().getType();
        long raw = v.get(row);
        long nanos = switch (type.getUnit()) {
            case SECOND -> TimeUnit.SECONDS.toNanos(raw);
            case MILLISECOND -> TimeUnit.MILLISECONDS.toNanos(raw);
            case MICROSECOND -> TimeUnit.MICROSECONDS.toNanos(raw);
            case NANOSECOND -> raw;
        };
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        if (type.getTimezone() == null) {
            return LOCAL.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}

package io.paprika.accel.memory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.apache.arrow.adapter.jdbc.consumer.BaseConsumer;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Reads a TIMESTAMP column into a microsecond vector. The adapter's own consumer keeps only
 * milliseconds and goes through java.sql.Timestamp, which shifts wall-clock times by the JVM zone.
 */
final class TimestampMicroConsumer extends BaseConsumer<TimeStampVector> {
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private final boolean zoned;

    TimestampMicroConsumer(TimeStampVector vector, int columnIndex, boolean zoned) {
        super(vector, columnIndex);
        this.zoned = zoned;
    }

    @Override
    public void consume(ResultSet rs) throws SQLException {
        LocalDateTime utc;
        if (zoned) {
            OffsetDateTime t = rs.getObject(columnIndexInResultSet, OffsetDateTime.class);
            utc = t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else {
            utc = rs.getObject(columnIndexInResultSet, LocalDateTime.class);
        }
        if (utc == null) {
            vector.setNull(currentIndex);
        } else {
            vector.setSafe(currentIndex, ChronoUnit.MICROS.between(EPOCH, utc));
        }
        currentIndex++;
    }
}

package io.paprika.accel.memory;

import java.math.RoundingMode;
import java.sql.Types;
import java.util.Calendar;
import java.util.TimeZone;
import org.apache.arrow.adapter.jdbc.JdbcFieldInfo;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfig;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfigBuilder;
import org.apache.arrow.adapter.jdbc.JdbcToArrowUtils;
import org.apache.arrow.adapter.jdbc.consumer.JdbcConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * How H2 results become Arrow: the adapter's mapping, except timestamps (microseconds, UTC for
 * WITH TIME ZONE), decimals wider than Arrow's 38 digits, and types it does not know (as text).
 */
final class JdbcArrowConfig {
    static final String UTC = "UTC";

    private JdbcArrowConfig() {
    }

    static JdbcToArrowConfig create(BufferAllocator allocator, int batchRows) {
        // A UTC calendar makes DATE and TIME values independent of the JVM zone.
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone(UTC));
        return new JdbcToArrowConfigBuilder(allocator, utc)
                .setTargetBatchSize(batchRows)
                .setReuseVectorSchemaRoot(false)
                .setBigDecimalRoundingMode(RoundingMode.HALF_EVEN)
                .setJdbcToArrowTypeConverter(info -> arrowType(info, utc))
                .setJdbcConsumerGetter(JdbcArrowConfig::consumer)
                .build();
    }

    static ArrowType arrowType(JdbcFieldInfo info, Calendar utc) {
        if ("DECFLOAT".equalsIgnoreCase(info.getTypeName())) {
            // H2 answers SUM/AVG of DOUBLE with DECFLOAT (reported as NUMERIC, scale 0): a double, as Spice gives.
            return new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE);
        }
        switch (info.getJdbcType()) {
            case Types.TIMESTAMP:
                return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return new ArrowType.Timestamp(TimeUnit.MICROSECOND, UTC);
            case Types.DECIMAL:
            case Types.NUMERIC: {
                // Computed NUMERICs report H2's huge default precision; Arrow holds 38 digits in 128 bits.
                int scale = Math.max(0, Math.min(info.getScale(), 38));
                int precision = info.getPrecision() <= 0 || info.getPrecision() > 38 ? 38 : info.getPrecision();
                return new ArrowType.Decimal(Math.max(precision, scale), scale, 128);
            }
            default:
                try {
                    return JdbcToArrowUtils.getArrowTypeFromJdbcType(info, utc);
                } catch (UnsupportedOperationException e) {
                    return ArrowType.Utf8.INSTANCE; // read with getString: JSON, arrays, intervals, UUIDs
                }
        }
    }

    @SuppressWarnings("rawtypes")
    static JdbcConsumer consumer(ArrowType type, int column, boolean nullable, FieldVector vector,
            JdbcToArrowConfig config) {
        if (type instanceof ArrowType.Timestamp && ((ArrowType.Timestamp) type).getUnit() == TimeUnit.MICROSECOND) {
            return new TimestampMicroConsumer((TimeStampVector) vector, column,
                    ((ArrowType.Timestamp) type).getTimezone() != null);
        }
        return JdbcToArrowUtils.getConsumer(type, column, nullable, vector, config);
    }
}

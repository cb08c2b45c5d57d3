package io.paprika.accel.duckdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.testing.ParametersContract;
import io.paprika.spi.testing.Results;
import io.paprika.spi.testing.TestRows;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

class DuckDbParametersTest extends ParametersContract<DuckDbAccelerator> {
    DuckDbParametersTest() {
        super(new DuckDbLifecycle());
    }

    @Override
    protected String parameterIsNullSql() {
        return "SELECT ? IS NULL AS missing";
    }

    @Override
    protected String oneParameterSql() {
        return "SELECT ? AS v";
    }

    /** {@code SELECT ? AS v}: the value DuckDB gives back, and the Arrow type it chose. */
    private void assertRoundTrip(Object value, ArrowType type, Object expected) throws Exception {
        Results r = query("SELECT ? AS v", value);
        assertEquals(type, r.schema().getFields().get(0).getType(), String.valueOf(value));
        assertEquals(1, r.rows().size());
        if (expected instanceof byte[]) {
            assertArrayEquals((byte[]) expected, (byte[]) r.rows().get(0).get(0));
        } else {
            assertEquals(expected, r.rows().get(0).get(0), String.valueOf(value));
        }
    }

    @Test
    void everyJavaTypeRoundTrips() throws Exception {
        assertRoundTrip(42L, new ArrowType.Int(64, true), 42L);
        assertRoundTrip(42, new ArrowType.Int(32, true), 42);
        assertRoundTrip((short) 42, new ArrowType.Int(16, true), (short) 42);
        assertRoundTrip((byte) 42, new ArrowType.Int(8, true), (byte) 42);
        assertRoundTrip(1.25, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), 1.25);
        assertRoundTrip(1.25f, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), 1.25f);
        assertRoundTrip(new BigDecimal("1234.56"), new ArrowType.Decimal(6, 2, 128), new BigDecimal("1234.56"));
        assertRoundTrip("héllo", ArrowType.Utf8.INSTANCE, "héllo");
        assertRoundTrip(true, ArrowType.Bool.INSTANCE, true);
        assertRoundTrip(LocalDate.of(2024, 2, 29), new ArrowType.Date(DateUnit.DAY),
                (int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertRoundTrip(TestRows.T0, new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), TestRows.T0);
        assertRoundTrip(LocalTime.of(13, 14, 15, 123_456_000), new ArrowType.Time(TimeUnit.MICROSECOND, 64),
                LocalTime.of(13, 14, 15, 123_456_000).toNanoOfDay() / 1000);
        long micros = 1_700_000_000_123_456L;
        Instant instant = Instant.ofEpochSecond(0, micros * 1000);
        Results zoned = query("SELECT ? AS a, ? AS b", instant, OffsetDateTime.parse("2023-11-15T00:13:20.123456+02:00"));
        assertTrue(zoned.schema().getFields().get(0).getType() instanceof ArrowType.Timestamp);
        assertEquals(micros, zoned.rows().get(0).get(0));
        assertEquals(micros, zoned.rows().get(0).get(1));
        assertRoundTrip(new byte[] {0, 1, (byte) 0xff}, ArrowType.Binary.INSTANCE, new byte[] {0, 1, (byte) 0xff});
    }

}

package io.paprika.accel.memory;

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

class MemoryParametersTest extends ParametersContract<MemoryAccelerator> {
    MemoryParametersTest() {
        super(new MemoryLifecycle());
    }

    @Override
    protected String parameterIsNullSql() {
        return "SELECT CAST(? AS VARCHAR) IS NULL AS missing";
    }

    @Override
    protected String oneParameterSql() {
        return "SELECT id FROM items WHERE id = ?";
    }

    /**
     * {@code SELECT CAST(? AS type)}: H2 will not compile a bare {@code SELECT ?} (it cannot type
     * it), so the cast names the column type and the value must survive the trip.
     */
    private void assertRoundTrip(String sqlType, Object value, ArrowType type, Object expected) throws Exception {
        Results r = query("SELECT CAST(? AS " + sqlType + ") AS v", value);
        assertEquals(type, r.schema().getFields().get(0).getType(), sqlType);
        if (expected instanceof byte[]) {
            assertArrayEquals((byte[]) expected, (byte[]) r.rows().get(0).get(0));
        } else {
            assertEquals(expected, r.rows().get(0).get(0), sqlType);
        }
    }

    @Test
    void everyJavaTypeRoundTrips() throws Exception {
        assertRoundTrip("BIGINT", 42L, new ArrowType.Int(64, true), 42L);
        assertRoundTrip("INTEGER", 42, new ArrowType.Int(32, true), 42);
        assertRoundTrip("SMALLINT", (short) 42, new ArrowType.Int(16, true), (short) 42);
        assertRoundTrip("SMALLINT", (byte) 42, new ArrowType.Int(16, true), (short) 42); // no TINYINT in PostgreSQL mode
        assertRoundTrip("DOUBLE PRECISION", 1.25, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), 1.25);
        assertRoundTrip("REAL", 1.25f, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), 1.25f);
        assertRoundTrip("NUMERIC(10, 2)", new BigDecimal("1234.56"), new ArrowType.Decimal(10, 2, 128), new BigDecimal("1234.56"));
        assertRoundTrip("VARCHAR", "héllo", ArrowType.Utf8.INSTANCE, "héllo");
        assertRoundTrip("BOOLEAN", true, ArrowType.Bool.INSTANCE, true);
        assertRoundTrip("DATE", LocalDate.of(2024, 2, 29), new ArrowType.Date(DateUnit.DAY),
                (int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertRoundTrip("TIMESTAMP(6)", TestRows.T0, new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), TestRows.T0);
        long micros = 1_700_000_000_123_456L;
        ArrowType zoned = new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
        assertRoundTrip("TIMESTAMP(6) WITH TIME ZONE", Instant.ofEpochSecond(0, micros * 1000), zoned, micros);
        assertRoundTrip("TIMESTAMP(6) WITH TIME ZONE", OffsetDateTime.parse("2023-11-15T00:13:20.123456+02:00"), zoned, micros);
        assertRoundTrip("BINARY VARYING", new byte[] {0, 1, (byte) 0xff}, ArrowType.Binary.INSTANCE, new byte[] {0, 1, (byte) 0xff});
        Results time = query("SELECT CAST(? AS TIME) AS v", LocalTime.of(13, 14, 15));
        assertTrue(time.schema().getFields().get(0).getType() instanceof ArrowType.Time);
    }

}

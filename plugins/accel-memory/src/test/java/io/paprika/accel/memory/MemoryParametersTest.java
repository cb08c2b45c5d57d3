package io.paprika.accel.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.TableSpec;
import io.paprika.spi.testing.Results;
import io.paprika.spi.testing.TestRows;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryParametersTest {
    @TempDir
    Path dataDir;

    private RootAllocator allocator;
    private MemoryAccelerator engine;

    @BeforeEach
    void start() throws Exception {
        allocator = new RootAllocator();
        engine = new MemoryAccelerator();
        engine.activate();
        AcceleratedTable items = engine.attach(new TableSpec("items", "memory", Map.of(), List.of(), dataDir));
        try (ArrowReader rows = TestRows.rows(allocator, 0, 100, 30)) {
            items.replace(rows);
        }
    }

    @AfterEach
    void stop() {
        engine.deactivate();
        assertEquals(0, allocator.getAllocatedMemory(), "every Arrow buffer is released");
        allocator.close();
    }

    private Results query(String sql, Object... parameters) throws Exception {
        return Results.read(engine.query(sql, Arrays.asList(parameters), allocator));
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

    @Test
    void filtersALoadedTable() throws Exception {
        assertEquals(List.of(List.of(7L, "name-7")), query("SELECT id, name FROM items WHERE id = ?", 7L).rows());
        assertEquals(7L, query("SELECT id FROM items WHERE id = ?", 7).single());
        assertEquals(7L, query("SELECT id FROM items WHERE name = ?", "name-7").single());
        assertEquals(7L, query("SELECT id FROM items WHERE day = ?", TestRows.D0.plusDays(7)).single());
        assertEquals(7L, query("SELECT id FROM items WHERE ts = ?", TestRows.T0.plusSeconds(7)).single());
        assertEquals(3, query("SELECT count(*) FROM items WHERE active = ? AND price < ?", true, 7.5).single());
        assertEquals(10, query("SELECT count(*) FROM items WHERE price BETWEEN ? AND ?", new BigDecimal("0"), 13.5).single());
    }

    @Test
    void nullBindsSqlNull() throws Exception {
        assertEquals(List.of(List.of(true)), query("SELECT CAST(? AS VARCHAR) IS NULL AS missing", (Object) null).rows());
        assertEquals(0, query("SELECT count(*) FROM items WHERE name = ?", (Object) null).single());
        assertEquals(10, query("SELECT count(*) FROM items WHERE name IS NOT DISTINCT FROM ?", (Object) null).single());
    }

    @Test
    void aWrongParameterCountFails() {
        SQLException few = assertThrows(SQLException.class, () -> query("SELECT id FROM items WHERE id = ? OR id = ?", 1L));
        assertTrue(few.getMessage().contains("2 parameter"), few.getMessage());
        SQLException many = assertThrows(SQLException.class, () -> query("SELECT 1", 1L));
        assertTrue(many.getMessage().contains("0 parameter"), many.getMessage());
    }

    @Test
    void queryWithoutParametersIsTheSamePath() throws Exception {
        assertEquals(100, Results.read(engine.query("SELECT count(*) FROM items", allocator)).single());
        assertThrows(SQLException.class, () -> engine.query("SELECT id FROM items WHERE id = ?", allocator));
    }
}

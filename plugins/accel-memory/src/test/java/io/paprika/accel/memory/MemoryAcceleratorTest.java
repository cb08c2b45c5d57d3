package io.paprika.accel.memory;

import io.paprika.spi.testing.TestRows;
import io.paprika.spi.testing.AcceleratorContract;
import io.paprika.spi.testing.Results;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import io.paprika.spi.TableSpec;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class MemoryAcceleratorTest extends AcceleratorContract<MemoryAccelerator> {
    MemoryAcceleratorTest() {
        super(new MemoryLifecycle());
    }

    @Override
    protected int bulkRowCount() {
        return 20000;
    }

    @Test
    void declaresNoParams() {
        assertTrue(engine.params().isEmpty());
    }

    @Test
    void aggregatesOfDoublesKeepTheirFraction() throws Exception {
        Results r = query("SELECT sum(x) AS s, avg(x) AS a FROM (VALUES (CAST(299.5 AS DOUBLE PRECISION)), (20.0)) t(x)");
        assertEquals(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), r.schema().getFields().get(0).getType());
        assertEquals(List.of(319.5, 159.75), r.rows().get(0));
    }

    @Test
    void timesDoNotDependOnTheJvmZone() throws Exception {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        try {
            load(engine.attach(memory("zoned", List.of())), 0, 3);
            Results r = query("SELECT ts, day FROM zoned ORDER BY id");
            assertEquals(TestRows.T0, r.rows().get(0).get(0));
            assertEquals((int) TestRows.D0.toEpochDay(), r.rows().get(0).get(1));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void keepsDecimalsAndZonedTimestamps() throws Exception {
        Schema schema = new Schema(List.of(
                Field.nullable("amount", new ArrowType.Decimal(12, 2, 128)),
                Field.nullable("at", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"))));
        AcceleratedTable table = engine.attach(memory("payments", List.of()));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            root.allocateNew();
            ((DecimalVector) root.getVector("amount")).setSafe(0, new BigDecimal("1234.56"));
            ((DecimalVector) root.getVector("amount")).setSafe(1, new BigDecimal("-0.05"));
            ((TimeStampMicroTZVector) root.getVector("at")).setSafe(0, 1_700_000_000_123_456L);
            ((TimeStampMicroTZVector) root.getVector("at")).setNull(1);
            root.setRowCount(2);
            try (ArrowReader rows = OneBatch.of(root, allocator)) {
                assertEquals(2, table.replace(rows));
            }
        }
        Results r = query("SELECT amount, at, amount * 2 AS twice, sum(amount) OVER () AS total FROM payments ORDER BY amount DESC");
        var f = r.schema().getFields();
        assertEquals(new ArrowType.Decimal(12, 2, 128), f.get(0).getType());
        assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), f.get(1).getType());
        assertTrue(f.get(2).getType() instanceof ArrowType.Decimal, f.get(2).toString());
        assertEquals(new BigDecimal("1234.56"), r.rows().get(0).get(0));
        assertEquals(1_700_000_000_123_456L, r.rows().get(0).get(1));
        assertEquals(null, r.rows().get(1).get(1));
        assertEquals(0, new BigDecimal("1234.51").compareTo((BigDecimal) r.rows().get(0).get(3)));
    }

    @Test
    void postgresFlavouredSqlAndKeywordColumnNamesWork() throws Exception {
        load(engine.attach(memory("products", List.of())), 0, 10);
        assertEquals(4, query("SELECT count(*) FROM products WHERE id >= 3 AND id < 7").single());
        // PostgreSQL-flavoured SQL and column names that are H2 keywords.
        Results r = query("SELECT date_trunc('day', ts) AS d, EXTRACT(YEAR FROM day) AS y, name || '!' AS n, "
                + "CAST(id AS VARCHAR) AS s, 7 / 2 AS half, 1 AS value, 2 AS key, 3 AS \"user\" FROM products ORDER BY id LIMIT 1");
        assertEquals(TestRows.T0.toLocalDate().atStartOfDay(), r.rows().get(0).get(0));
        assertEquals("name-0!", r.rows().get(0).get(2));
        assertEquals("0", r.rows().get(0).get(3));
        assertEquals(3, ((Number) r.rows().get(0).get(4)).intValue());
        assertEquals(10, query("SELECT count(*) FROM products p WHERE p.day >= DATE '2024-01-01'").single());
    }

    @Test
    void primaryKeyIsEnforced() throws Exception {
        AcceleratedTable table = engine.attach(memory("orders", List.of("id")));
        load(table, 0, 10);
        try (Connection c = engine.open(); Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.execute("INSERT INTO orders (id) VALUES (3)"));
            assertTrue(e.getMessage().contains("PRIMARY KEY"), e.getMessage());
        }
        try (ArrowReader dup = TestRows.rows(allocator, 0, 20, 5, 10)) {
            AccelerationException failure = assertThrows(AccelerationException.class, () -> table.replace(dup));
            assertTrue(failure.getMessage().contains("orders"), failure.getMessage());
        }
        assertEquals(10, table.rowCount());
        assertEquals(10, load(table, 100, 10));
    }

    @Test
    void joinsTwoTablesInOneEngine() throws Exception {
        load(engine.attach(memory("customers", List.of("id"))), 0, 100);
        load(engine.attach(memory("order-lines", List.of())), 50, 100);
        assertEquals(50, query("SELECT count(*) FROM customers c JOIN \"order-lines\" o ON c.id = o.id").single());
    }

    @Test
    void rejectsFileModeAndNestedTypes() throws Exception {
        AccelerationException mode = assertThrows(AccelerationException.class,
                () -> engine.attach(new TableSpec("x", "file", Map.of(), List.of(), dataDir)));
        assertTrue(mode.getMessage().contains("file"), mode.getMessage());

        Field list = new Field("tags", FieldType.nullable(ArrowType.List.INSTANCE),
                List.of(Field.nullable("item", ArrowType.Utf8.INSTANCE)));
        AcceleratedTable table = engine.attach(memory("nested", List.of()));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(list)), allocator)) {
            ((ListVector) root.getVector("tags")).allocateNew();
            root.setRowCount(0);
            try (ArrowReader rows = OneBatch.of(root, allocator)) {
                AccelerationException e = assertThrows(AccelerationException.class, () -> table.replace(rows));
                assertTrue(e.getMessage().contains("tags"), e.getMessage());
            }
        }
    }

}

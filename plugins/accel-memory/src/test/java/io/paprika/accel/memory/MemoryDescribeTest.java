package io.paprika.accel.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.QueryShape;
import io.paprika.spi.testing.DescribeContract;
import io.paprika.spi.testing.TestRows;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class MemoryDescribeTest extends DescribeContract<MemoryAccelerator> {
    MemoryDescribeTest() {
        super(new MemoryLifecycle());
    }

    @Override
    protected String slowTwoColumnQuery() {
        return "SELECT x, sum(x) OVER (ORDER BY x DESC) AS running FROM system_range(1, 10000000) ORDER BY running DESC";
    }

    @Override
    protected String syntaxErrorMessage() {
        return "Syntax error";
    }

    @Test
    void describedSchemaIsTheStreamedSchema() throws Exception {
        assertDescribesStream("SELECT * FROM items");
        Schema typed = assertDescribesStream("SELECT id, CAST(id AS INTEGER) AS i, price, CAST(price AS NUMERIC(10,2)) AS amount, "
                + "name, active, day, ts, CAST(ts AS TIMESTAMP(6) WITH TIME ZONE) AS tz, CAST(X'0102' AS BINARY VARYING) AS bytes, "
                + "CAST(X'0102' AS BINARY LARGE OBJECT) AS lob FROM items").result();
        assertEquals(List.of(new ArrowType.Int(64, true), new ArrowType.Int(32, true),
                new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), new ArrowType.Decimal(10, 2, 128),
                ArrowType.Utf8.INSTANCE, ArrowType.Bool.INSTANCE, new ArrowType.Date(DateUnit.DAY),
                new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
                ArrowType.Binary.INSTANCE), typed.getFields().subList(0, 10).stream().map(Field::getType).toList());
        assertDescribesStream("SELECT count(*), sum(price), avg(id), sum(CAST(price AS NUMERIC(10,2))), min(name) FROM items");
        assertDescribesStream("SELECT id * 2 + 1 AS x, name || '!' AS y, price > 3 AS z, CASE WHEN active THEN day END AS d, "
                + "date_trunc('hour', ts) AS h FROM items");
        assertDescribesStream("SELECT active, count(*) AS n FROM items GROUP BY active ORDER BY n DESC");
        assertDescribesStream("WITH cheap AS (SELECT * FROM items WHERE price < 10) SELECT name FROM cheap");
        assertDescribesStream("SELECT * FROM items a JOIN items b ON a.id = b.id");
    }

    @Test
    void parametersHaveTheTypesTheEngineInfers() throws Exception {
        String sql = "SELECT id, name FROM items WHERE id = ? AND price > ? AND name <> ? AND active = ? AND day >= ? "
                + "AND ts >= ? AND CAST(price AS NUMERIC(10,2)) < ? AND CAST(id AS INTEGER) < ? AND ? IS NOT NULL";
        QueryShape shape = assertDescribesStream(sql, 10L, 1.0, "x", true, TestRows.D0, TestRows.T0,
                new BigDecimal("99.5"), 50, "anything");
        assertEquals(List.of(
                Field.nullable("$1", new ArrowType.Int(64, true)),
                Field.nullable("$2", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                Field.nullable("$3", ArrowType.Utf8.INSTANCE),
                Field.nullable("$4", ArrowType.Bool.INSTANCE),
                Field.nullable("$5", new ArrowType.Date(DateUnit.DAY)),
                Field.nullable("$6", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
                // H2 types a parameter from the column it is compared with, not through a cast.
                Field.nullable("$7", ArrowType.Utf8.INSTANCE),
                Field.nullable("$8", ArrowType.Utf8.INSTANCE),
                Field.nullable("$9", ArrowType.Utf8.INSTANCE)), shape.parameters().getFields());
        assertEquals(List.of(), engine.describe("SELECT 1", allocator).parameters().getFields());
        QueryShape sum = assertDescribesStream("SELECT ? + 1 AS v", 5L);
        assertEquals(new ArrowType.Int(32, true), sum.result().getFields().get(0).getType());
    }

    @Test
    void anUntypedParameterCannotBeDescribed() {
        SQLException untyped = assertThrows(SQLException.class, () -> engine.describe("SELECT ? AS v", allocator));
        assertTrue(untyped.getMessage().contains("Unknown data type"), untyped.getMessage());
    }
}

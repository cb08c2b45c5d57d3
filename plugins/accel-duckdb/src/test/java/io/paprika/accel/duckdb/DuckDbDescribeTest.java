package io.paprika.accel.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paprika.spi.QueryShape;
import io.paprika.spi.testing.DescribeContract;
import io.paprika.spi.testing.TestRows;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class DuckDbDescribeTest extends DescribeContract<DuckDbAccelerator> {
    DuckDbDescribeTest() {
        super(new DuckDbLifecycle());
    }

    @Override
    protected String slowTwoColumnQuery() {
        return "SELECT i, sum(i) OVER (ORDER BY i DESC) AS running FROM range(10000000) t(i) ORDER BY running DESC";
    }

    @Override
    protected String syntaxErrorMessage() {
        return "syntax error at or near \"SELEC\"";
    }

    @Test
    void describedSchemaIsTheStreamedSchema() throws Exception {
        assertDescribesStream("SELECT * FROM items");
        Schema typed = assertDescribesStream("SELECT id, CAST(id AS INTEGER) AS i, price, CAST(price AS DECIMAL(10,2)) AS amount, "
                + "name, active, day, ts, CAST(ts AS TIMESTAMPTZ) AS tz, CAST(name AS BLOB) AS bytes FROM items").result();
        assertEquals(List.of(new ArrowType.Int(64, true), new ArrowType.Int(32, true),
                new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), new ArrowType.Decimal(10, 2, 128),
                ArrowType.Utf8.INSTANCE, ArrowType.Bool.INSTANCE, new ArrowType.Date(DateUnit.DAY),
                new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
                typed.getFields().subList(0, 8).stream().map(Field::getType).toList());
        assertEquals(ArrowType.Binary.INSTANCE, typed.getFields().get(9).getType());
        assertDescribesStream("SELECT count(*), sum(price), avg(id), sum(CAST(price AS DECIMAL(10,2))), min(name) FROM items");
        assertDescribesStream("SELECT id * 2 + 1 AS x, name || '!' AS y, price > 3 AS z, CASE WHEN active THEN day END AS d, "
                + "date_trunc('hour', ts) AS h, [id, id] AS pair, {'k': name} AS st FROM items");
        assertDescribesStream("SELECT active, count(*) AS n FROM items GROUP BY active ORDER BY n DESC");
        assertDescribesStream("WITH cheap AS (SELECT * FROM items WHERE price < 10) SELECT name FROM cheap");
    }

    @Test
    void repeatedColumnNamesAreKept() throws Exception {
        Schema join = assertDescribesStream("SELECT * FROM items a JOIN items b ON a.id = b.id").result();
        assertEquals("id", join.getFields().get(6).getName());
        assertDescribesStream("SELECT 1 AS a, 2 AS a");
    }

    @Test
    void statementsThatCannotBeNestedAreDescribedFromMetadata() throws Exception {
        assertDescribesStream("SELECT 1 AS one;");
        assertDescribesStream("SELECT 1 AS one -- a trailing comment");
        assertDescribesStream("SHOW TABLES");
        assertDescribesStream("DESCRIBE items");
        assertDescribesStream("PRAGMA table_info('items')");
        assertDescribesStream("EXPLAIN SELECT * FROM items");
    }

    @Test
    void parametersHaveTheTypesTheEngineInfers() throws Exception {
        String sql = "SELECT id, name FROM items WHERE id = ? AND price > ? AND name <> ? AND active = ? AND day >= ? "
                + "AND ts >= ? AND CAST(price AS DECIMAL(10,2)) < ? AND CAST(id AS INTEGER) < ? AND ? IS NOT NULL";
        QueryShape shape = assertDescribesStream(sql, 10L, 1.0, "x", true, TestRows.D0, TestRows.T0,
                new BigDecimal("99.5"), 50, "anything");
        assertEquals(List.of(
                Field.nullable("$1", new ArrowType.Int(64, true)),
                Field.nullable("$2", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                Field.nullable("$3", ArrowType.Utf8.INSTANCE),
                Field.nullable("$4", ArrowType.Bool.INSTANCE),
                Field.nullable("$5", new ArrowType.Date(DateUnit.DAY)),
                Field.nullable("$6", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
                Field.nullable("$7", new ArrowType.Decimal(10, 2, 128)),
                Field.nullable("$8", new ArrowType.Int(32, true)),
                Field.nullable("$9", ArrowType.Utf8.INSTANCE)), shape.parameters().getFields());
        assertEquals(List.of(), engine.describe("SELECT 1", allocator).parameters().getFields());
        // Untyped until bound: DuckDB types the result from a NULL, the parameter is text.
        QueryShape untyped = assertDescribesStream("SELECT ? + 1 AS v", (Object) null);
        assertEquals(List.of(Field.nullable("$1", ArrowType.Utf8.INSTANCE)), untyped.parameters().getFields());
        assertEquals(new ArrowType.Int(32, true), untyped.result().getFields().get(0).getType());
    }

    @Test
    void describeUndoesTheStatementsBeforeTheLast() throws Exception {
        // Statements before the last run while DuckDB prepares the last: describe undoes them.
        engine.describe("DELETE FROM items; SELECT 1 AS one", allocator);
        assertEquals(100, query("SELECT count(*) FROM items").single());
    }
}

package io.paprika.spi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.Accelerator;
import io.paprika.spi.ArrowStream;
import io.paprika.spi.QueryShape;
import java.sql.SQLException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code describe} over the {@code items} table: it plans without running, and fails like the engine. */
public abstract class DescribeContract<E extends Accelerator> extends ItemsFixture<E> {
    protected DescribeContract(EngineLifecycle<E> lifecycle) {
        super(lifecycle);
    }

    /** A query with two result columns that takes seconds to run (ten million rows, sorted). */
    protected abstract String slowTwoColumnQuery();

    /** What the engine's message for {@code SELEC 1} contains. */
    protected abstract String syntaxErrorMessage();

    /** What describe promises: the schema the query then streams, field for field. */
    protected QueryShape assertDescribesStream(String sql, Object... parameters) throws Exception {
        QueryShape shape = engine.describe(sql, allocator);
        try (ArrowStream stream = engine.query(sql, Arrays.asList(parameters), allocator)) {
            assertEquals(shape.result(), stream.reader().getVectorSchemaRoot().getSchema(), sql);
        }
        return shape;
    }

    @Test
    void describeDoesNotRunTheQuery() throws Exception {
        long started = System.nanoTime();
        QueryShape big = engine.describe(slowTwoColumnQuery(), allocator);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 1000, "describe took " + millis + " ms");
        assertEquals(2, big.result().getFields().size());

        SQLException dml = assertThrows(SQLException.class, () -> engine.describe("DELETE FROM items", allocator));
        assertTrue(dml.getMessage().contains("only queries"), dml.getMessage());
        assertEquals(100, query("SELECT count(*) FROM items").single());
    }

    @Test
    void badSqlFailsWithTheEnginesMessage() {
        SQLException missing = assertThrows(SQLException.class, () -> engine.describe("SELECT * FROM missing_table", allocator));
        assertTrue(missing.getMessage().contains("missing_table"), missing.getMessage());
        SQLException syntax = assertThrows(SQLException.class, () -> engine.describe("SELEC 1", allocator));
        assertTrue(syntax.getMessage().contains(syntaxErrorMessage()), syntax.getMessage());
    }
}

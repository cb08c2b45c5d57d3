package io.paprika.spi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.Accelerator;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

/** Loading, querying, replacing and detaching tables: what every accelerator does alike. */
public abstract class AcceleratorContract<E extends Accelerator> extends AcceleratorFixture<E> {
    protected AcceleratorContract(EngineLifecycle<E> lifecycle) {
        super(lifecycle);
    }

    /** How many rows {@link #loadsArrowBatchesAndAnswersWithArrowTypes} loads (in batches of 1000). */
    protected abstract int bulkRowCount();

    @Test
    void loadsArrowBatchesAndAnswersWithArrowTypes() throws Exception {
        int count = bulkRowCount();
        AcceleratedTable table = engine.attach(memory("customer-interactions", List.of()));
        assertEquals(count, load(table, 0, count));
        assertEquals(count, table.rowCount());
        assertTrue(table.sizeBytes() > 0, "size " + table.sizeBytes());
        assertFalse(table.hasData());

        Results r = query("SELECT * FROM \"customer-interactions\" ORDER BY id");
        assertEquals(count, r.rows().size());
        var f = r.schema().getFields();
        assertEquals(List.of("id", "price", "name", "ts", "active", "day"), f.stream().map(Field::getName).toList());
        assertEquals(new ArrowType.Int(64, true), f.get(0).getType());
        assertEquals(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), f.get(1).getType());
        assertEquals(ArrowType.Utf8.INSTANCE, f.get(2).getType());
        assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), f.get(3).getType());
        assertEquals(ArrowType.Bool.INSTANCE, f.get(4).getType());
        assertEquals(new ArrowType.Date(DateUnit.DAY), f.get(5).getType());

        List<Object> row = r.rows().get(9);
        assertEquals(9L, row.get(0));
        assertEquals(13.5, row.get(1));
        assertEquals(null, row.get(2));
        assertEquals(TestRows.T0.plusSeconds(9), (LocalDateTime) row.get(3));
        assertEquals(false, row.get(4));
        assertEquals((int) TestRows.D0.plusDays(9).toEpochDay(), row.get(5));
        assertEquals("name-8", r.rows().get(8).get(2));
    }

    @Test
    void unquotedNamesWork() throws Exception {
        load(engine.attach(memory("products", List.of())), 0, 10);
        assertEquals(10, query("SELECT count(*) FROM products").single());
        assertEquals(10, query("SELECT count(*) FROM PRODUCTS").single());
    }

    @Test
    void replaceIsAtomicUnderConcurrentQueries() throws Exception {
        AcceleratedTable table = engine.attach(memory("flip", List.of("id")));
        load(table, 0, 1000);
        whileQuerying(() -> {
            long n = query("SELECT count(*) FROM flip").single();
            long rows = query("SELECT id FROM flip").rows().size();
            return (n != 1000 && n != 2000) || (rows != 1000 && rows != 2000) ? "saw " + n + " / " + rows + " rows" : null;
        }, 10, () -> {
            for (int i = 0; i < 30; i++) {
                load(table, 0, i % 2 == 0 ? 2000 : 1000);
            }
        });
    }

    @Test
    void detachDropsAMemoryTable() throws Exception {
        AcceleratedTable table = engine.attach(memory("gone", List.of()));
        load(table, 0, 5);
        table.detach();
        assertThrows(SQLException.class, () -> query("SELECT * FROM gone"));
        assertEquals(0, table.rowCount());
    }

    @Test
    void badSqlFailsWithTheEnginesMessage() {
        SQLException e = assertThrows(SQLException.class, () -> query("SELECT * FROM missing_table"));
        assertTrue(e.getMessage().contains("missing_table"), e.getMessage());
        SQLException syntax = assertThrows(SQLException.class, () -> query("SELEC 1"));
        assertTrue(syntax.getMessage().toLowerCase().contains("syntax"), syntax.getMessage());
    }

    @Test
    void emptyResultsHaveASchema() throws Exception {
        load(engine.attach(memory("few", List.of())), 0, 3);
        Results r = query("SELECT id, name FROM few WHERE id > 100");
        assertEquals(0, r.rows().size());
        assertEquals(2, r.schema().getFields().size());
    }
}

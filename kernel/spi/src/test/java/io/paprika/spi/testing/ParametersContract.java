package io.paprika.spi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.Accelerator;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries with {@code ?} parameters over the {@code items} table: binding, nulls, counts. */
public abstract class ParametersContract<E extends Accelerator> extends ItemsFixture<E> {
    protected ParametersContract(EngineLifecycle<E> lifecycle) {
        super(lifecycle);
    }

    /** A one-parameter query answering one row, one column {@code missing}: whether the parameter is NULL. */
    protected abstract String parameterIsNullSql();

    /** A query with one parameter, which must fail when run without parameters. */
    protected abstract String oneParameterSql();

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
        assertEquals(List.of(List.of(true)), query(parameterIsNullSql(), (Object) null).rows());
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
        assertThrows(SQLException.class, () -> engine.query(oneParameterSql(), allocator));
    }
}

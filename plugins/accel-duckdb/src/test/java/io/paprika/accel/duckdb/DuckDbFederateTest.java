package io.paprika.accel.duckdb;

import static io.paprika.accel.duckdb.SmallRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.ArrowStream;
import io.paprika.spi.QueryShape;
import io.paprika.spi.testing.AcceleratorFixture;
import io.paprika.spi.testing.Results;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Queries over Arrow inputs beside the engine's own tables: what cross-engine joins run on. */
class DuckDbFederateTest extends AcceleratorFixture<DuckDbAccelerator> {
    DuckDbFederateTest() {
        super(new DuckDbLifecycle());
    }

    private ArrowStream input() throws Exception {
        return new ArrowStream(SmallRows.of(allocator, 2, List.of(row(1L, "a", "x"), row(2L, "b", "y"),
                row(3L, "c", null))));
    }

    @Test
    void joinsAnInputWithOwnTablesAndReadsTheInputMoreThanOnce() throws Exception {
        load(engine.attach(memory("customers", List.of())), 0, 4);
        try (ArrowStream remote = input()) {
            Results r = Results.read(engine.federate("SELECT r.name, (SELECT count(*) FROM remote) AS n "
                    + "FROM remote r JOIN customers c ON r.id = c.id JOIN remote r2 ON r2.id = r.id "
                    + "WHERE r.id > ? ORDER BY r.name", List.of(1L), Map.of("remote", remote), allocator));
            assertEquals(List.of(List.of("b", 3L), List.of("c", 3L)), r.rows());
        }
    }

    @Test
    void inputsArePrivateToTheirQuery() throws Exception {
        try (ArrowStream remote = input()) {
            Results.read(engine.federate("SELECT count(*) FROM remote", List.of(), Map.of("remote", remote), allocator));
        }
        SQLException e = assertThrows(SQLException.class, () -> query("SELECT count(*) FROM remote"));
        assertTrue(e.getMessage().contains("remote"), e.getMessage());
    }

    @Test
    void describesAQueryOverInputsOfGivenShapes() throws Exception {
        QueryShape shape = engine.describeFederated("SELECT name, id * 2 AS twice FROM remote WHERE tag = ?",
                Map.of("remote", SmallRows.SCHEMA), allocator);
        assertEquals(List.of("name", "twice"), shape.result().getFields().stream().map(f -> f.getName()).toList());
        assertEquals(1, shape.parameters().getFields().size());
    }
}

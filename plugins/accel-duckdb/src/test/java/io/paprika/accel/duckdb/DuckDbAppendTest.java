package io.paprika.accel.duckdb;

import static io.paprika.accel.duckdb.SmallRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import io.paprika.spi.ConflictAction;
import io.paprika.spi.TableSpec;
import io.paprika.spi.testing.AcceleratorFixture;
import io.paprika.spi.testing.Results;
import io.paprika.spi.testing.TestRows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;

class DuckDbAppendTest extends AcceleratorFixture<DuckDbAccelerator> {
    DuckDbAppendTest() {
        super(new DuckDbLifecycle());
    }

    private AcceleratedTable table(String name, String mode, List<String> pk) throws Exception {
        return engine.attach(new TableSpec(name, mode, Map.of(), pk, dataDir));
    }

    private long append(AcceleratedTable table, ConflictAction action, Object[]... rows) throws Exception {
        try (ArrowReader r = SmallRows.of(allocator, rows)) {
            return table.append(r, action);
        }
    }

    private long replace(AcceleratedTable table, Object[]... rows) throws Exception {
        try (ArrowReader r = SmallRows.of(allocator, rows)) {
            return table.replace(r);
        }
    }

    @Test
    void upsertUpdatesOtherColumnsAndAddsNewKeys() throws Exception {
        AcceleratedTable t = table("orders", "memory", List.of("id"));
        replace(t, row(1L, "a", "x"), row(2L, "b", "x"));
        assertEquals(3, append(t, ConflictAction.UPSERT, row(2L, "B", null), row(3L, "c", "y")));
        assertEquals(List.of(Arrays.asList(1L, "a", "x"), Arrays.asList(2L, "B", null), Arrays.asList(3L, "c", "y")),
                rows("SELECT * FROM orders ORDER BY id"));
    }

    @Test
    void dropKeepsExistingRows() throws Exception {
        AcceleratedTable t = table("orders", "memory", List.of("id"));
        replace(t, row(1L, "a", "x"), row(2L, "b", "x"));
        assertEquals(3, append(t, ConflictAction.DROP, row(2L, "B", null), row(3L, "c", "y")));
        assertEquals(List.of(Arrays.asList(1L, "a", "x"), Arrays.asList(2L, "b", "x"), Arrays.asList(3L, "c", "y")),
                rows("SELECT * FROM orders ORDER BY id"));
    }

    /** 200k rows in 2000 batches, keys repeating every 1000 rows: DuckDB scans them in parallel. */
    @Test
    void inBatchDuplicatesKeepTheLastForUpsertAndTheFirstForDrop() throws Exception {
        List<Object[]> data = new ArrayList<>();
        for (long i = 0; i < 200_000; i++) {
            data.add(row(i % 1000, "v" + i, null));
        }
        for (ConflictAction action : ConflictAction.values()) {
            String name = "dups_" + action.name().toLowerCase();
            AcceleratedTable t = table(name, "memory", List.of("id"));
            try (ArrowReader r = SmallRows.of(allocator, 100, data)) {
                assertEquals(1000, t.append(r, action));
            }
            long first = action == ConflictAction.UPSERT ? 199_000 : 0;
            assertEquals(0L, Results.read(engine.query("SELECT count(*) FROM " + name
                    + " WHERE name <> 'v' || (id + " + first + ")", allocator)).single(), action.name());
        }
    }

    @Test
    void withoutAKeyIdenticalRowsAreNotAddedAgainNullsIncluded() throws Exception {
        AcceleratedTable t = table("events", "memory", List.of());
        assertEquals(3, append(t, ConflictAction.UPSERT, row(1L, "a", null), row(1L, "a", null),
                row(null, null, null), row(null, null, null), row(2L, "b", "x")));
        assertEquals(4, append(t, ConflictAction.UPSERT, row(1L, "a", null), row(null, null, null),
                row(2L, "b", "y"), row(2L, "b", "y")));
        assertEquals(List.of(Arrays.asList(1L, "a", null), Arrays.asList(2L, "b", "x"), Arrays.asList(2L, "b", "y"),
                Arrays.asList(null, null, null)), rows("SELECT * FROM events ORDER BY id NULLS LAST, tag"));
    }

    @Test
    void appendCreatesAMissingTableWithItsPrimaryKey() throws Exception {
        AcceleratedTable t = table("fresh", "memory", List.of("id"));
        assertEquals(2, append(t, ConflictAction.UPSERT, row(1L, "a", null), row(2L, "b", null)));
        SQLException e = assertThrows(SQLException.class, () -> rows("INSERT INTO fresh VALUES (1, 'z', null)"));
        assertTrue(e.getMessage().contains("Constraint"), e.getMessage());
    }

    @Test
    void fileTableCreatedByAppendSurvivesARestart() throws Exception {
        AcceleratedTable t = table("file-events", "file", List.of("id"));
        assertEquals(2, append(t, ConflictAction.UPSERT, row(1L, "a", null), row(2L, "b", null)));
        assertEquals(3, append(t, ConflictAction.UPSERT, row(2L, "B", null), row(3L, "c", null)));
        assertEquals(3, Results.read(engine.query("SELECT count(*) FROM \"file-events\"", allocator)).single());
        engine.deactivate();

        engine = new DuckDbAccelerator();
        engine.activate();
        AcceleratedTable reopened = table("file-events", "file", List.of("id"));
        assertTrue(reopened.hasData());
        assertEquals(4, append(reopened, ConflictAction.DROP, row(3L, "C", null), row(4L, "d", null)));
        assertEquals(List.of(Arrays.asList(1L, "a"), Arrays.asList(2L, "B"), Arrays.asList(3L, "c"), Arrays.asList(4L, "d")),
                rows("SELECT id, name FROM \"file-events\" ORDER BY id"));
    }

    @Test
    void aFailedAppendChangesNothing() throws Exception {
        AcceleratedTable t = table("stable", "memory", List.of("id"));
        replace(t, row(1L, "a", null), row(2L, "b", null));
        // The second row breaks NOT NULL on the key, after the first was merged.
        AccelerationException e = assertThrows(AccelerationException.class,
                () -> append(t, ConflictAction.UPSERT, row(1L, "changed", null), row(null, "x", null)));
        assertTrue(e.getMessage().contains("stable"), e.getMessage());
        assertEquals(List.of(Arrays.asList(1L, "a"), Arrays.asList(2L, "b")), rows("SELECT id, name FROM stable ORDER BY id"));

        // Columns the table does not have.
        try (ArrowReader other = TestRows.rows(allocator, 5, 3, 10)) {
            assertThrows(AccelerationException.class, () -> t.append(other, ConflictAction.UPSERT));
        }
        assertEquals(2, t.rowCount());
        assertEquals(3, append(t, ConflictAction.UPSERT, row(3L, "c", null)), "the table still takes appends");
    }

    /** Each append adds 500 rows: a half-merged one would show a count between. */
    @Test
    void queriesDuringAppendsSeeWholeAppendsOnly() throws Exception {
        AcceleratedTable t = table("growing", "memory", List.of("id"));
        whileQuerying(() -> {
            long n = Results.read(engine.query("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'growing'",
                    allocator)).single() == 0 ? 0
                    : Results.read(engine.query("SELECT count(*) FROM growing", allocator)).single();
            return n % 500 != 0 ? "saw " + n + " rows" : null;
        }, 10, () -> {
            for (int i = 0; i < 30; i++) {
                try (ArrowReader r = TestRows.rows(allocator, i * 500L, 1000, 100)) {
                    // Half of each append updates the previous one's keys, half adds new ones.
                    assertEquals(1000 + i * 500L, t.append(r, ConflictAction.UPSERT));
                }
            }
        });
    }
}

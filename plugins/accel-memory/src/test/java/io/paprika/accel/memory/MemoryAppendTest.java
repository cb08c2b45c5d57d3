package io.paprika.accel.memory;

import static io.paprika.accel.memory.KeyedRows.row;
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
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;

class MemoryAppendTest extends AcceleratorFixture<MemoryAccelerator> {
    MemoryAppendTest() {
        super(new MemoryLifecycle());
    }

    private AcceleratedTable attach(String name, List<String> pk) throws Exception {
        return engine.attach(new TableSpec(name, "memory", Map.of(), pk, dataDir));
    }

    @SafeVarargs
    private long replace(AcceleratedTable table, List<KeyedRows.Row>... batches) throws Exception {
        try (ArrowReader rows = KeyedRows.batches(allocator, batches)) {
            return table.replace(rows);
        }
    }

    @SafeVarargs
    private long append(AcceleratedTable table, ConflictAction onConflict, List<KeyedRows.Row>... batches) throws Exception {
        try (ArrowReader rows = KeyedRows.batches(allocator, batches)) {
            return table.append(rows, onConflict);
        }
    }

    /** Every row as "id:v", sorted. */
    private List<String> contents(String table) throws Exception {
        return Results.read(engine.query("SELECT coalesce(CAST(id AS VARCHAR), 'NULL') || ':' || coalesce(v, 'NULL') FROM \"" + table + "\" ORDER BY 1",
                allocator)).rows().stream().map(r -> (String) r.get(0)).toList();
    }

    @Test
    void upsertUpdatesNonKeyColumnsAndInsertsNewKeys() throws Exception {
        AcceleratedTable t = attach("up", List.of("id"));
        replace(t, List.of(row(1L, "a"), row(2L, "b")));
        assertEquals(3, append(t, ConflictAction.UPSERT, List.of(row(2L, "B"), row(3L, "c"))));
        assertEquals(List.of("1:a", "2:B", "3:c"), contents("up"));
        assertEquals(3, append(t, ConflictAction.UPSERT, List.of(row(3L, null))));
        assertEquals(List.of("1:a", "2:B", "3:NULL"), contents("up"));
    }

    @Test
    void dropKeepsExistingRows() throws Exception {
        AcceleratedTable t = attach("keep", List.of("id"));
        replace(t, List.of(row(1L, "a"), row(2L, "b")));
        assertEquals(3, append(t, ConflictAction.DROP, List.of(row(2L, "B"), row(3L, "c"))));
        assertEquals(List.of("1:a", "2:b", "3:c"), contents("keep"));
    }

    @Test
    void duplicatesWithinOneAppendResolveInStreamOrderAcrossBatches() throws Exception {
        List<KeyedRows.Row> first = List.of(row(1L, "x1"), row(2L, "y1"));
        List<KeyedRows.Row> second = List.of(row(1L, "x2"), row(3L, "z1"), row(2L, "y2"));
        List<KeyedRows.Row> third = List.of(row(1L, "x3"), row(3L, "z2"));

        AcceleratedTable last = attach("last", List.of("id"));
        assertEquals(3, append(last, ConflictAction.UPSERT, first, second, third));
        assertEquals(List.of("1:x3", "2:y2", "3:z2"), contents("last"));

        AcceleratedTable firstWins = attach("first", List.of("id"));
        replace(firstWins, List.of(row(3L, "old")));
        assertEquals(3, append(firstWins, ConflictAction.DROP, first, second, third));
        assertEquals(List.of("1:x1", "2:y1", "3:old"), contents("first"));
    }

    @Test
    void withoutPrimaryKeyIdenticalRowsAreNotAddedAgain() throws Exception {
        AcceleratedTable t = attach("log", List.of());
        replace(t, List.of(row(1L, "a"), row(2L, null), row(null, null)));
        long n = append(t, ConflictAction.UPSERT,
                List.of(row(1L, "a"), row(2L, null), row(3L, null), row(null, null)),
                List.of(row(3L, null), row(1L, "b"), row(null, "n")));
        assertEquals(6, n);
        assertEquals(6, t.rowCount());
        assertEquals(1, Results.read(engine.query("SELECT count(*) FROM log WHERE id IS NULL AND v IS NULL",
                allocator)).single());
        assertEquals(List.of("1:a", "1:b", "2:NULL", "3:NULL"),
                contents("log").stream().filter(s -> !s.startsWith("NULL")).toList());
    }

    @Test
    void appendCreatesTheTableWhenAbsent() throws Exception {
        AcceleratedTable keyed = attach("fresh", List.of("id"));
        assertEquals(2, append(keyed, ConflictAction.UPSERT, List.of(row(1L, "a"), row(1L, "b"), row(2L, "c"))));
        assertEquals(List.of("1:b", "2:c"), contents("fresh"));

        AcceleratedTable plain = attach("fresh-plain", List.of());
        try (ArrowReader rows = TestRows.rows(allocator, 0, 2500, 1000)) {
            assertEquals(2500, plain.append(rows, ConflictAction.DROP));
        }
        try (ArrowReader rows = TestRows.rows(allocator, 2000, 1000, 300)) {
            assertEquals(3000, plain.append(rows, ConflictAction.DROP));
        }
    }

    @Test
    void aFailingAppendLeavesTheTableUnchanged() throws Exception {
        AcceleratedTable t = attach("steady", List.of("id"));
        replace(t, List.of(row(1L, "a"), row(2L, "b")));
        // The good rows come first; the null key only fails once they are in.
        AccelerationException e = assertThrows(AccelerationException.class,
                () -> append(t, ConflictAction.UPSERT, List.of(row(2L, "B"), row(3L, "c")), List.of(row(null, "x"))));
        assertTrue(e.getMessage().contains("steady"), e.getMessage());
        assertEquals(List.of("1:a", "2:b"), contents("steady"));

        // Rows shaped unlike the table (a column it has not got).
        try (ArrowReader other = TestRows.rows(allocator, 0, 5, 5)) {
            AccelerationException shape = assertThrows(AccelerationException.class,
                    () -> t.append(other, ConflictAction.UPSERT));
            assertTrue(shape.getMessage().contains("steady"), shape.getMessage());
        }
        assertEquals(List.of("1:a", "2:b"), contents("steady"));

        AcceleratedTable absent = attach("never", List.of("id"));
        assertThrows(AccelerationException.class, () -> append(absent, ConflictAction.DROP, List.of(row(null, "x"))));
        assertEquals(0, absent.rowCount());
        assertTrue(absent.max("id").isEmpty());
    }

    @Test
    void concurrentQueriesSeeTheRowsBeforeOrAfterAnAppend() throws Exception {
        AcceleratedTable t = attach("grow", List.of("id"));
        try (ArrowReader rows = TestRows.rows(allocator, 0, 1000, 1000)) {
            t.replace(rows);
        }
        whileQuerying(() -> {
            long n = Results.read(engine.query("SELECT count(*) FROM grow", allocator)).single();
            return n % 500 != 0 ? "saw " + n + " rows" : null;
        }, 5, () -> {
            for (int i = 1; i <= 20; i++) {
                // 500 new keys and 500 existing ones, in several batches.
                try (ArrowReader rows = TestRows.rows(allocator, i * 500L, 1000, 300)) {
                    assertEquals(1000 + i * 500L, t.append(rows, ConflictAction.UPSERT));
                }
            }
        });
        assertEquals(11000, t.rowCount());
    }
}

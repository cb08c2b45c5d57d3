package io.paprika.accel.duckdb;

import static io.paprika.accel.duckdb.SmallRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import io.paprika.spi.ConflictAction;
import io.paprika.spi.IndexSpec;
import io.paprika.spi.TableSpec;
import io.paprika.spi.testing.AcceleratorFixture;
import io.paprika.spi.testing.Results;
import io.paprika.spi.testing.TestRows;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;

class DuckDbMaxDeleteIndexTest extends AcceleratorFixture<DuckDbAccelerator> {
    DuckDbMaxDeleteIndexTest() {
        super(new DuckDbLifecycle());
    }

    @Test
    void maxReadsTimestampsNumbersAndDates() throws Exception {
        AcceleratedTable t = engine.attach(new TableSpec("m", "memory", Map.of(), List.of(), dataDir));
        assertEquals(Optional.empty(), t.max("ts"), "no table yet");
        load(t, 0, 250, 100);
        assertEquals(Optional.of(TestRows.T0.plusSeconds(249)), t.max("ts"));
        assertEquals(Optional.of(249L), t.max("id"));
        assertEquals(Optional.of(TestRows.D0.plusDays(249)), t.max("day"));
        assertEquals(250, t.delete("true"));
        assertEquals(Optional.empty(), t.max("ts"), "empty table");

        AcceleratedTable tz = engine.attach(new TableSpec("tz", "memory", Map.of(), List.of(), dataDir));
        try (var source = engine.query("SELECT TIMESTAMPTZ '2024-05-06 07:08:09+00' AS t, 7::INTEGER AS i", allocator)) {
            tz.replace(source.reader());
        }
        assertEquals(java.time.Instant.parse("2024-05-06T07:08:09Z"),
                ((java.time.OffsetDateTime) tz.max("t").orElseThrow()).toInstant());
        assertEquals(Optional.of(7), tz.max("i"));
    }

    @Test
    void maxIsEmptyForAnEmptyTableAndNamesTheColumnsForAnUnknownOne() throws Exception {
        AcceleratedTable t = engine.attach(new TableSpec("m", "memory", Map.of(), List.of(), dataDir));
        load(t, 0, 10, 100);
        t.delete("true");
        assertEquals(Optional.empty(), t.max("ts"), "empty table");
        AccelerationException e = assertThrows(AccelerationException.class, () -> t.max("nope"));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("id, price, name, ts, active, day"),
                e.getMessage());
    }

    @Test
    void deleteRemovesExactlyTheMatchingRows() throws Exception {
        AcceleratedTable t = engine.attach(new TableSpec("d", "file", Map.of(), List.of("id"), dataDir));
        assertEquals(0, t.delete("\"id\" < 5"), "no table yet");
        load(t, 0, 100, 100);
        assertEquals(30, t.delete("\"ts\" < TIMESTAMP '" + TestRows.T0.plusSeconds(30).toString().replace('T', ' ') + "'"));
        assertEquals(70, t.rowCount());
        assertEquals(30L, Results.read(engine.query("SELECT min(id) FROM d", allocator)).single());
        AccelerationException e = assertThrows(AccelerationException.class, () -> t.delete("no_such_column = 1"));
        assertTrue(e.getMessage().contains("no_such_column") && e.getMessage().contains("`d`"), e.getMessage());
        assertEquals(70, t.rowCount());
    }

    private List<List<Object>> indexes(String table) throws Exception {
        return rows("SELECT index_name, is_unique FROM duckdb_indexes() WHERE table_name = '" + table
                + "' ORDER BY index_name");
    }

    @Test
    void indexesAreKeptThroughReplaceAndAppend() throws Exception {
        List<IndexSpec> specs = List.of(new IndexSpec(List.of("name"), false), new IndexSpec(List.of("id", "day"), true));
        List<List<Object>> expected = List.of(List.of("ix__idx_id_day", true), List.of("ix__idx_name", false));
        AcceleratedTable t = engine.attach(new TableSpec("ix", "memory", Map.of(), List.of("id"), dataDir, specs));
        load(t, 0, 100, 100);
        assertEquals(expected, indexes("ix"));
        load(t, 0, 200, 100);
        assertEquals(expected, indexes("ix"));
        try (ArrowReader more = TestRows.rows(allocator, 150, 100, 30)) {
            assertEquals(250, t.append(more, ConflictAction.UPSERT));
        }
        assertEquals(expected, indexes("ix"));

        AcceleratedTable f = engine.attach(new TableSpec("ixf", "file", Map.of(), List.of(), dataDir, specs));
        try (ArrowReader rows = TestRows.rows(allocator, 0, 50, 30)) {
            assertEquals(50, f.append(rows, ConflictAction.DROP));
        }
        assertEquals(List.of(List.of("ixf__idx_id_day", true), List.of("ixf__idx_name", false)), indexes("ixf"));
        load(f, 0, 60, 100);
        assertEquals(List.of(List.of("ixf__idx_id_day", true), List.of("ixf__idx_name", false)), indexes("ixf"));
    }

    @Test
    void aUniqueIndexTheDataBreaksFailsAndTheOldRowsServe() throws Exception {
        List<IndexSpec> specs = List.of(new IndexSpec(List.of("name"), true));
        AcceleratedTable t = engine.attach(new TableSpec("u", "memory", Map.of(), List.of("id"), dataDir, specs));
        try (ArrowReader r = SmallRows.of(allocator, row(1L, "a", null), row(2L, "b", null))) {
            assertEquals(2, t.replace(r));
        }
        try (ArrowReader r = SmallRows.of(allocator, row(1L, "same", null), row(2L, "same", null))) {
            AccelerationException e = assertThrows(AccelerationException.class, () -> t.replace(r));
            assertTrue(e.getMessage().contains("u__idx_name") && e.getMessage().contains("`u`"), e.getMessage());
        }
        assertEquals(List.of(List.of(1L, "a"), List.of(2L, "b")), rows("SELECT id, name FROM u ORDER BY id"));
        try (ArrowReader r = SmallRows.of(allocator, row(3L, "a", null))) {
            assertThrows(AccelerationException.class, () -> t.append(r, ConflictAction.UPSERT));
        }
        assertEquals(2, t.rowCount());
    }
}

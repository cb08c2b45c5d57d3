package io.paprika.accel.duckdb;

import io.paprika.spi.testing.AcceleratorContract;
import io.paprika.spi.testing.TestRows;
import io.paprika.spi.testing.Results;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import io.paprika.spi.ParamSpec;
import io.paprika.spi.TableSpec;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;

class DuckDbAcceleratorTest extends AcceleratorContract<DuckDbAccelerator> {
    DuckDbAcceleratorTest() {
        super(new DuckDbLifecycle());
    }

    @Override
    protected int bulkRowCount() {
        return 2500;
    }

    @Test
    void declaresItsParams() {
        assertEquals(Set.of("duckdb_file", "duckdb_memory_limit"),
                Set.copyOf(engine.params().stream().map(ParamSpec::name).toList()));
    }

    @Test
    void replaceLeavesTheCallersReaderForTheCallerToClose() throws Exception {
        // Connectors hand over readers exported by another DuckDB; those fail if closed twice.
        AcceleratedTable table = engine.attach(memory("from_duckdb", List.of()));
        try (var source = engine.query("SELECT i AS id, 'v' || i AS v FROM range(5) t(i)", allocator)) {
            assertEquals(5, table.replace(source.reader()));
        }
        assertEquals(5, Results.read(engine.query("SELECT count(*) FROM from_duckdb", allocator)).single());
    }

    @Test
    void primaryKeyIsEnforced() throws Exception {
        AcceleratedTable table = engine.attach(memory("orders", List.of("id")));
        load(table, 0, 10);
        SQLException e = assertThrows(SQLException.class,
                () -> query("INSERT INTO orders (id) VALUES (3)"));
        assertTrue(e.getMessage().contains("Constraint"), e.getMessage());

        // Rows with a repeated key are rejected and the old rows stay.
        try (ArrowReader dup = TestRows.rows(allocator, 0, 20, 5, 10)) {
            AccelerationException failure = assertThrows(AccelerationException.class, () -> table.replace(dup));
            assertTrue(failure.getMessage().contains("orders"), failure.getMessage());
        }
        assertEquals(10, table.rowCount());
    }

    @Test
    void joinsTwoTablesInOneEngine() throws Exception {
        load(engine.attach(memory("customers", List.of())), 0, 100);
        load(engine.attach(new TableSpec("order-lines", "file", Map.of(), List.of(), dataDir)), 50, 100);
        Results r = query("SELECT count(*) FROM customers c JOIN \"order-lines\" o ON c.id = o.id");
        assertEquals(50, r.single());
    }

    @Test
    void fileTableIsReopenedAfterRestart() throws Exception {
        TableSpec spec = new TableSpec("sales-2024", "file", Map.of("duckdb_file", "sub/sales.db"), List.of("id"), dataDir);
        AcceleratedTable table = engine.attach(spec);
        assertFalse(table.hasData());
        load(table, 0, 300);
        assertEquals(300, query("SELECT count(*) FROM \"sales-2024\"").single());
        engine.deactivate();
        assertTrue(Files.exists(dataDir.resolve("sub/sales.db")));

        engine = new DuckDbAccelerator();
        engine.activate();
        AcceleratedTable reopened = engine.attach(spec);
        assertTrue(reopened.hasData());
        assertEquals(300, reopened.rowCount());
        assertTrue(reopened.sizeBytes() > 0);
        assertEquals(300, query("SELECT count(*) FROM \"sales-2024\"").single());
        assertEquals(500, load(reopened, 0, 500));
        assertEquals(500, query("SELECT count(*) FROM \"sales-2024\"").single());

        reopened.detach();
        assertThrows(SQLException.class, () -> query("SELECT count(*) FROM \"sales-2024\""));
        assertTrue(Files.exists(dataDir.resolve("sub/sales.db")));
    }

    @Test
    void datasetsMayShareOneFile() throws Exception {
        Map<String, String> shared = Map.of("duckdb_file", "shared.db");
        AcceleratedTable a = engine.attach(new TableSpec("a", "file", shared, List.of(), dataDir));
        AcceleratedTable b = engine.attach(new TableSpec("b", "file", shared, List.of(), dataDir));
        load(a, 0, 10);
        load(b, 5, 10);
        assertEquals(5, query("SELECT count(*) FROM a JOIN b USING (id)").single());
        a.detach();
        assertEquals(10, query("SELECT count(*) FROM b").single());
        engine.deactivate();

        engine = new DuckDbAccelerator();
        engine.activate();
        AcceleratedTable a2 = engine.attach(new TableSpec("a", "file", shared, List.of(), dataDir));
        engine.attach(new TableSpec("b", "file", shared, List.of(), dataDir));
        assertTrue(a2.hasData());
        assertEquals(5, query("SELECT count(*) FROM a JOIN b USING (id)").single());
    }

    @Test
    void defaultFileIsNamedAfterTheDataset() throws Exception {
        load(engine.attach(new TableSpec("events", "file", Map.of(), List.of(), dataDir)), 0, 5);
        assertTrue(Files.exists(dataDir.resolve("events.db")));
    }

    @Test
    void rejectsAnUnknownMode() {
        AccelerationException e = assertThrows(AccelerationException.class,
                () -> engine.attach(new TableSpec("x", "disk", Map.of(), List.of(), dataDir)));
        assertTrue(e.getMessage().contains("disk"), e.getMessage());
    }

    @Test
    void appliesTheMemoryLimit() throws Exception {
        engine.attach(new TableSpec("limited", "memory", Map.of("duckdb_memory_limit", "1GB"), List.of(), dataDir));
        Results r = query("SELECT current_setting('memory_limit')");
        assertEquals("953.6 MiB", r.rows().get(0).get(0).toString(),
                r.rows().toString());
    }
}

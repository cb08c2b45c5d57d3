package io.paprika.accel.duckdb;

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
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbAcceleratorTest {
    @TempDir
    Path dataDir;

    private RootAllocator allocator;
    private DuckDbAccelerator engine;

    @BeforeEach
    void start() throws Exception {
        allocator = new RootAllocator();
        engine = new DuckDbAccelerator();
        engine.activate();
    }

    @AfterEach
    void stop() {
        engine.deactivate();
        assertEquals(0, allocator.getAllocatedMemory(), "every Arrow buffer is released");
        allocator.close();
    }

    private TableSpec memory(String name, List<String> pk) {
        return new TableSpec(name, "memory", Map.of(), pk, dataDir);
    }

    private long load(AcceleratedTable table, long first, int count) throws Exception {
        try (ArrowReader rows = TestRows.rows(allocator, first, count, 1000)) {
            return table.replace(rows);
        }
    }

    private Results query(String sql) throws Exception {
        return Results.read(engine.query(sql, allocator));
    }

    @Test
    void declaresItsParams() {
        assertEquals(Set.of("duckdb_file", "duckdb_memory_limit"),
                Set.copyOf(engine.params().stream().map(ParamSpec::name).toList()));
    }

    @Test
    void loadsArrowBatchesAndAnswersWithArrowTypes() throws Exception {
        AcceleratedTable table = engine.attach(memory("customer-interactions", List.of()));
        assertEquals(2500, load(table, 0, 2500));
        assertEquals(2500, table.rowCount());
        assertTrue(table.sizeBytes() > 0);
        assertFalse(table.hasData());

        Results r = query("SELECT * FROM \"customer-interactions\" ORDER BY id");
        assertEquals(2500, r.rows().size());
        var f = r.schema().getFields();
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
    void replaceLeavesTheCallersReaderForTheCallerToClose() throws Exception {
        // Connectors hand over readers exported by another DuckDB; those fail if closed twice.
        AcceleratedTable table = engine.attach(memory("from_duckdb", List.of()));
        try (var source = engine.query("SELECT i AS id, 'v' || i AS v FROM range(5) t(i)", allocator)) {
            assertEquals(5, table.replace(source.reader()));
        }
        assertEquals(5, Results.read(engine.query("SELECT count(*) FROM from_duckdb", allocator)).single());
    }

    @Test
    void unquotedNamesWork() throws Exception {
        load(engine.attach(memory("products", List.of())), 0, 10);
        assertEquals(10, query("SELECT count(*) FROM products").single());
        assertEquals(10, query("SELECT count(*) FROM PRODUCTS").single());
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
    void replaceIsAtomicUnderConcurrentQueries() throws Exception {
        AcceleratedTable table = engine.attach(memory("flip", List.of("id")));
        load(table, 0, 1000);
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        int[] queries = {0};
        Thread reader = new Thread(() -> {
            while (running.get()) {
                try {
                    long n = query("SELECT count(*) FROM flip").single();
                    if (n != 1000 && n != 2000) {
                        problems.add("saw " + n + " rows");
                    }
                    queries[0]++;
                } catch (Exception e) {
                    problems.add(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 30; i++) {
            load(table, 0, i % 2 == 0 ? 2000 : 1000);
        }
        running.set(false);
        reader.join();
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(queries[0] > 10, "the query loop ran " + queries[0] + " times");
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

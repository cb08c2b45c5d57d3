package io.paprika.spi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.Accelerator;
import io.paprika.spi.TableSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of an accelerator test: a fresh, activated engine and a {@link RootAllocator} per test,
 * with a check after each test that every Arrow buffer was released.
 */
public abstract class AcceleratorFixture<E extends Accelerator> {
    @TempDir
    protected Path dataDir;

    protected RootAllocator allocator;
    protected E engine;

    private final EngineLifecycle<E> lifecycle;

    protected AcceleratorFixture(EngineLifecycle<E> lifecycle) {
        this.lifecycle = lifecycle;
    }

    @BeforeEach
    void startEngine() throws Exception {
        allocator = new RootAllocator();
        engine = lifecycle.start();
    }

    @AfterEach
    void stopEngine() {
        lifecycle.stop(engine);
        assertEquals(0, allocator.getAllocatedMemory(), "every Arrow buffer is released");
        allocator.close();
    }

    /** A table of mode {@code memory} with no acceleration params. */
    protected TableSpec memory(String name, List<String> pk) {
        return new TableSpec(name, "memory", Map.of(), pk, dataDir);
    }

    /** Replaces the table's rows with {@link TestRows} ids {@code first ..}, in batches of 1000. */
    protected long load(AcceleratedTable table, long first, int count) throws Exception {
        return load(table, first, count, 1000);
    }

    protected long load(AcceleratedTable table, long first, int count, int batch) throws Exception {
        try (ArrowReader rows = TestRows.rows(allocator, first, count, batch)) {
            return table.replace(rows);
        }
    }

    /** Runs the query through the engine's parameterless path. */
    protected Results query(String sql) throws Exception {
        return Results.read(engine.query(sql, allocator));
    }

    /** Runs the query with {@code ?} parameters bound in order. */
    protected Results query(String sql, Object... parameters) throws Exception {
        return Results.read(engine.query(sql, Arrays.asList(parameters), allocator));
    }

    protected List<List<Object>> rows(String sql) throws Exception {
        return query(sql).rows();
    }

    /** One check by the query thread of {@link #whileQuerying}: a problem seen, or null. */
    @FunctionalInterface
    protected interface Probe {
        String problem() throws Exception;
    }

    @FunctionalInterface
    protected interface Writes {
        void run() throws Exception;
    }

    /**
     * Runs {@code writes} while another thread runs {@code probe} over and over; asserts that no
     * probe saw a problem or failed, and that the probe ran more than {@code minProbes} times.
     */
    protected void whileQuerying(Probe probe, int minProbes, Writes writes) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger queries = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (running.get()) {
                try {
                    String problem = probe.problem();
                    if (problem != null) {
                        problems.add(problem);
                    }
                    queries.incrementAndGet();
                } catch (Exception e) {
                    problems.add(e.toString());
                }
            }
        });
        reader.start();
        try {
            writes.run();
        } finally {
            running.set(false);
            reader.join();
        }
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(queries.get() > minProbes, "the query loop ran " + queries.get() + " times");
    }
}

package io.paprika.spi;

import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * An embedded query engine holding accelerated datasets, registered as an OSGi service with the
 * {@link #ENGINES} property listing the {@code engine} names it serves (e.g. {@code duckdb}).
 * All tables of one accelerator live in one database, so a query over several of them, joins
 * included, runs whole inside it.
 */
public interface Accelerator {
    /** Service property: the engine names served, a {@code String[]}. */
    String ENGINES = "paprika.accelerator.engines";

    /** Every acceleration param this engine accepts; any other is an error naming it. */
    List<ParamSpec> params();

    /** Creates the table for a dataset, or reopens it if it already exists (a file table). */
    AcceleratedTable attach(TableSpec spec) throws AccelerationException;

    /**
     * Runs a read-only query over this engine's tables; results are streamed as Arrow batches
     * allocated from {@code allocator}. The caller closes the stream.
     *
     * @throws SQLException with the engine's own message when the SQL is invalid
     */
    default ArrowStream query(String sql, BufferAllocator allocator) throws SQLException {
        return query(sql, List.of(), allocator);
    }

    /**
     * Runs a read-only query with {@code ?} parameters bound, in order, to {@code parameters}
     * (Java values: Long, Integer, Double, BigDecimal, String, Boolean, LocalDate, LocalDateTime,
     * byte[], or null).
     *
     * @throws SQLException with the engine's own message when the SQL or a parameter is invalid
     */
    ArrowStream query(String sql, List<Object> parameters, BufferAllocator allocator) throws SQLException;

    /**
     * The result and parameter schemas of a query, from the engine's plan: the query is prepared,
     * not run. The result schema must equal the schema {@link #query} streams.
     *
     * @throws SQLException with the engine's own message when the SQL is invalid
     */
    QueryShape describe(String sql, BufferAllocator allocator) throws SQLException;

    /**
     * The SQL dialect this engine runs: {@code duckdb}, {@code h2} or {@code postgres}. The kernel
     * translates the PostgreSQL-flavoured SQL users write into it before calling {@link #query}.
     */
    default String dialect() {
        return "postgres";
    }
}

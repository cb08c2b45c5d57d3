package io.paprika.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBDriver;
import org.duckdb.DuckDBResultSet;

/**
 * The physical limit the runtime is measured against: the same DuckDB, in this JVM, in memory,
 * queried with no network and no serialization.
 */
final class InProcess implements AutoCloseable {
    private final Connection connection;

    InProcess() throws SQLException {
        this.connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
    }

    /** {@code CREATE OR REPLACE TABLE name AS SELECT * FROM source}; returns milliseconds taken. */
    double createTable(String name, String source) throws SQLException {
        try (Statement s = connection.createStatement()) {
            long start = System.nanoTime();
            s.execute("CREATE OR REPLACE TABLE " + name + " AS SELECT * FROM " + source);
            return Stats.millisSince(start);
        }
    }

    void drop(String name) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + name);
        }
    }

    /** Runs a query through DuckDB's Arrow export (the C data interface) and reads every batch. */
    Batches arrowScan(String query, BufferAllocator allocator, long batchRows) throws Exception {
        return withArrowExport(query, allocator, batchRows, reader -> {
            Batches total = Batches.NONE;
            while (reader.loadNextBatch()) {
                total = total.plus(reader.getVectorSchemaRoot());
            }
            return total;
        });
    }

    /** Hands {@code use} a reader over the query's Arrow export; closes it after. */
    <T> T withArrowExport(String query, BufferAllocator allocator, long batchRows, ReaderUse<T> use) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query);
                ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator, batchRows)) {
            return use.apply(reader);
        }
    }

    interface ReaderUse<T> {
        T apply(ArrowReader reader) throws Exception;
    }

    /** Runs a query and reads every row through JDBC: right for results of a few rows. */
    long rows(String query) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            long n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    /** Bytes DuckDB holds in memory for all its tables now. */
    long memoryBytes() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

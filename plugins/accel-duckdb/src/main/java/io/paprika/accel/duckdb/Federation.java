package io.paprika.accel.duckdb;

import io.paprika.spi.ArrowStream;
import io.paprika.spi.QueryShape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * Queries, over this engine's tables and over Arrow inputs from outside it. Each input becomes a temporary table of the
 * query's own connection (so concurrent queries never see each other's inputs), shadowing nothing:
 * a dataset lives in one engine only. Inputs are copied whole first because an Arrow stream can be
 * scanned once, and the query may read a table more than once (self-joins, subqueries).
 */
final class Federation {
    private static final long BATCH_ROWS = 65_536;

    private Federation() {
    }

    static ArrowStream run(Connections connections, String sql, List<Object> parameters,
            Map<String, ArrowStream> inputs, BufferAllocator allocator) throws SQLException {
        DuckDBConnection conn = connections.open();
        PreparedStatement st = null;
        try {
            for (Map.Entry<String, ArrowStream> input : inputs.entrySet()) {
                ingest(conn, input.getKey(), input.getValue().reader());
            }
            st = conn.prepareStatement(sql);
            Parameters.bind(st, parameters);
            ResultSet rs = st.executeQuery();
            ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator, BATCH_ROWS);
            return new ArrowStream(reader, conn, st, rs);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(st, e);
            closeQuietly(conn, e);
            throw e;
        }
    }

    static QueryShape describe(Connections connections, String sql, Map<String, Schema> inputs,
            BufferAllocator allocator) throws SQLException {
        try (DuckDBConnection conn = connections.open()) {
            for (Map.Entry<String, Schema> input : inputs.entrySet()) {
                try (ArrowReader empty = emptyReader(input.getValue(), allocator)) {
                    ingest(conn, input.getKey(), empty);
                } catch (SQLException e) {
                    throw e;
                } catch (Exception e) {
                    throw new SQLException("could not stage input `" + input.getKey() + "`: " + e.getMessage(), e);
                }
            }
            return QueryShapes.describe(conn, sql, allocator);
        }
    }

    private static void ingest(DuckDBConnection conn, String name, ArrowReader rows) throws SQLException {
        try {
            ArrowIngest.createTable(conn, Sql.ident(name), rows, true);
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("reading input `" + name + "` failed: " + e.getMessage(), e);
        }
    }

    /** A reader of no rows with {@code schema}: what a table of that shape looks like to the planner. */
    private static ArrowReader emptyReader(Schema schema, BufferAllocator allocator) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
                ArrowStreamWriter writer = new ArrowStreamWriter(root, null, bytes)) {
            writer.start();
            root.setRowCount(0);
            writer.writeBatch();
            writer.end();
        }
        return new ArrowStreamReader(new ByteArrayInputStream(bytes.toByteArray()), allocator);
    }

    private static void closeQuietly(AutoCloseable c, Exception failure) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}

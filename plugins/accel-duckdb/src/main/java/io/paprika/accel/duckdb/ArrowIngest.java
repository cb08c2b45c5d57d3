package io.paprika.accel.duckdb;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import io.paprika.spi.ReaderView;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;

/**
 * Copies an Arrow stream into a new DuckDB table through the C data interface: DuckDB scans the
 * batches directly, no row goes through JDBC.
 */
final class ArrowIngest {
    private ArrowIngest() {
    }

    /**
     * Creates {@code target} (a quoted, possibly qualified name) holding every row of {@code rows}.
     * The caller keeps ownership of {@code rows}: DuckDB gets a borrowed view of it.
     */
    static void createTable(DuckDBConnection conn, String target, ArrowReader rows) throws Exception {
        createTable(conn, target, rows, false);
    }

    /** Like {@link #createTable(DuckDBConnection, String, ArrowReader)}; a temporary table is private to {@code conn}. */
    static void createTable(DuckDBConnection conn, String target, ArrowReader rows, boolean temporary) throws Exception {
        BufferAllocator allocator = allocatorOf(rows);
        String source = "paprika_in_" + UUID.randomUUID().toString().replace("-", "");
        try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
            Data.exportArrayStream(allocator, new ReaderView(rows), stream);
            conn.registerArrowStream(source, stream);
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE " + (temporary ? "TEMP " : "") + "TABLE " + target + " AS SELECT * FROM " + Sql.ident(source));
            }
        }
    }

    /** The reader's own allocator, reached through its vectors (ArrowReader does not expose it). */
    static BufferAllocator allocatorOf(ArrowReader rows) throws Exception {
        for (FieldVector v : rows.getVectorSchemaRoot().getFieldVectors()) {
            return v.getAllocator();
        }
        throw new SQLException("the rows have no columns");
    }
}

package io.paprika.connector.common;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.ConnectorException;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBResultSet;

/**
 * The Arrow batches of a prepared DuckDB read, run only when first asked for: an engine that runs
 * the same read itself (a {@link io.paprika.spi.LocalFileQuery}) leaves the file undecoded here.
 * A failure then (a bad line deep in the file) is an {@link IOException} caused by the
 * {@link ConnectorException} the connector would have thrown.
 */
final class DeferredRead extends ArrowReader {
    private final PreparedStatement statement;
    private final BufferAllocator allocator;
    private final long batchRows;
    private final Function<SQLException, String> explain;
    private ResultSet results;
    private ArrowReader batches;

    DeferredRead(PreparedStatement statement, BufferAllocator allocator, long batchRows,
            Function<SQLException, String> explain) {
        super(allocator);
        this.statement = requireNonNull(statement, "statement");
        this.allocator = allocator;
        this.batchRows = batchRows;
        this.explain = requireNonNull(explain, "explain");
    }

    private ArrowReader batches() throws IOException {
        if (batches == null) {
            try {
                results = statement.executeQuery();
                batches = (ArrowReader) ((DuckDBResultSet) results).arrowExportStream(allocator, batchRows);
            } catch (SQLException e) {
                String message = explain.apply(e);
                throw new IOException(message, new ConnectorException(message, false, e));
            }
        }
        return batches;
    }

    @Override
    public VectorSchemaRoot getVectorSchemaRoot() throws IOException {
        return batches().getVectorSchemaRoot();
    }

    @Override
    public Map<Long, Dictionary> getDictionaryVectors() throws IOException {
        return batches().getDictionaryVectors();
    }

    @Override
    public Dictionary lookup(long id) {
        return batches == null ? null : batches.lookup(id);
    }

    @Override
    public Set<Long> getDictionaryIds() {
        return batches == null ? Set.of() : batches.getDictionaryIds();
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        return batches().loadNextBatch();
    }

    @Override
    public long bytesRead() {
        return batches == null ? 0 : batches.bytesRead();
    }

    @Override
    protected void closeReadSource() throws IOException {
        try {
            if (batches != null) {
                batches.close();
            }
            if (results != null) {
                results.close();
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    @Override
    protected Schema readSchema() throws IOException {
        return getVectorSchemaRoot().getSchema();
    }
}

package io.paprika.accel.duckdb;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A view of a reader the caller still owns. Exporting a reader to a C stream hands it to DuckDB,
 * which closes it on release; exporting this view instead leaves the closing to the caller, as
 * the SPI's {@code replace} promises (closing some readers twice fails).
 */
final class BorrowedReader extends ArrowReader {
    private final ArrowReader owner;

    BorrowedReader(ArrowReader owner) throws IOException {
        super(allocatorOf(owner));
        this.owner = requireNonNull(owner, "owner");
    }

    private static org.apache.arrow.memory.BufferAllocator allocatorOf(ArrowReader r) throws IOException {
        return r.getVectorSchemaRoot().getFieldVectors().isEmpty() ? null
                : r.getVectorSchemaRoot().getFieldVectors().get(0).getAllocator();
    }

    @Override
    public VectorSchemaRoot getVectorSchemaRoot() throws IOException {
        return owner.getVectorSchemaRoot();
    }

    @Override
    public Map<Long, Dictionary> getDictionaryVectors() throws IOException {
        return owner.getDictionaryVectors();
    }

    @Override
    public Dictionary lookup(long id) {
        return owner.lookup(id);
    }

    @Override
    public Set<Long> getDictionaryIds() {
        return owner.getDictionaryIds();
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        return owner.loadNextBatch();
    }

    @Override
    public long bytesRead() {
        return owner.bytesRead();
    }

    @Override
    public void close(boolean closeReadSource) {
        // The owner's root and source belong to the caller.
    }

    @Override
    protected void closeReadSource() {
    }

    @Override
    protected Schema readSchema() throws IOException {
        return owner.getVectorSchemaRoot().getSchema();
    }
}

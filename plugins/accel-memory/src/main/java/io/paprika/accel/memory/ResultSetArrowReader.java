package io.paprika.accel.memory;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import org.apache.arrow.adapter.jdbc.ArrowVectorIterator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The adapter's batches as an {@link ArrowReader}: each batch's buffers move into the reader's
 * one root (no copy), as readers of an IPC stream expect.
 */
final class ResultSetArrowReader extends ArrowReader {
    private final ArrowVectorIterator batches;
    private final Schema schema;

    ResultSetArrowReader(BufferAllocator allocator, ArrowVectorIterator batches, Schema schema) {
        super(requireNonNull(allocator, "allocator"));
        this.batches = requireNonNull(batches, "batches");
        this.schema = requireNonNull(schema, "schema");
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        if (!batches.hasNext()) {
            return false;
        }
        VectorSchemaRoot target = getVectorSchemaRoot();
        try (VectorSchemaRoot batch = batches.next()) {
            for (int i = 0; i < batch.getFieldVectors().size(); i++) {
                batch.getVector(i).makeTransferPair(target.getVector(i)).transfer();
            }
            target.setRowCount(batch.getRowCount());
        } catch (RuntimeException e) {
            throw new IOException("reading the query result failed: " + e.getMessage(), e);
        }
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        batches.close();
    }

    @Override
    protected Schema readSchema() {
        return schema;
    }
}

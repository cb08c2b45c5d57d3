package io.paprika.kernel.query;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An engine's result reader that the kernel can stop between batches: when the engine's bundle
 * goes away mid-query, the next batch fails with a clear reason instead of reading from a closed
 * database or hanging.
 */
final class AbortableReader extends ArrowReader {
    private final ArrowReader inner;
    private volatile String abortReason;

    AbortableReader(ArrowReader inner) throws IOException {
        super(allocatorOf(inner));
        this.inner = requireNonNull(inner, "inner");
    }

    private static org.apache.arrow.memory.BufferAllocator allocatorOf(ArrowReader r) throws IOException {
        var vectors = r.getVectorSchemaRoot().getFieldVectors();
        return vectors.isEmpty() ? null : vectors.get(0).getAllocator();
    }

    void abort(String reason) {
        abortReason = requireNonNull(reason, "reason");
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        String reason = abortReason;
        if (reason != null) {
            throw new QueryAbortedException(reason);
        }
        return inner.loadNextBatch();
    }

    @Override
    public VectorSchemaRoot getVectorSchemaRoot() throws IOException {
        return inner.getVectorSchemaRoot();
    }

    @Override
    public Map<Long, Dictionary> getDictionaryVectors() throws IOException {
        return inner.getDictionaryVectors();
    }

    @Override
    public Dictionary lookup(long id) {
        return inner.lookup(id);
    }

    @Override
    public Set<Long> getDictionaryIds() {
        return inner.getDictionaryIds();
    }

    @Override
    public long bytesRead() {
        return inner.bytesRead();
    }

    /** The inner reader belongs to the engine's stream, which closes it (some fail if closed twice). */
    @Override
    public void close(boolean closeReadSource) {
    }

    @Override
    protected void closeReadSource() {
    }

    @Override
    protected Schema readSchema() throws IOException {
        return inner.getVectorSchemaRoot().getSchema();
    }
}

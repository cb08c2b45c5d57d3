package io.paprika.spi;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A view of a reader someone else owns: it reads through to the owner and closing it closes
 * nothing. Useful where an API takes ownership of a reader (Arrow's C stream export closes what
 * it is given) but the owner must close it, once; some readers fail when closed twice.
 */
public class ReaderView extends ArrowReader {
    private final ArrowReader owner;

    public ReaderView(ArrowReader owner) throws IOException {
        super(allocatorOf(owner));
        this.owner = requireNonNull(owner, "owner");
    }

    private static BufferAllocator allocatorOf(ArrowReader r) throws IOException {
        var vectors = r.getVectorSchemaRoot().getFieldVectors();
        return vectors.isEmpty() ? null : vectors.get(0).getAllocator();
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

    /** The owner's root and source are the owner's to close. */
    @Override
    public void close(boolean closeReadSource) {
    }

    @Override
    protected void closeReadSource() {
    }

    @Override
    protected Schema readSchema() throws IOException {
        return owner.getVectorSchemaRoot().getSchema();
    }
}

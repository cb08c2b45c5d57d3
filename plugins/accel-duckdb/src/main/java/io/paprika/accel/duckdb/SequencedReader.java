package io.paprika.accel.duckdb;

import io.paprika.spi.ReaderView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A view of someone else's reader with one more column: each row's position in the stream. DuckDB
 * may scan the batches in parallel and in any order, so arrival order must travel with the rows
 * for "first wins" / "last wins" to be deterministic. Closing it frees only the added column.
 */
final class SequencedReader extends ReaderView {
    static final String COLUMN = "__paprika_seq";

    private final ArrowReader owner;
    private final BigIntVector sequence;
    private VectorSchemaRoot root;
    private long next;

    SequencedReader(ArrowReader owner, BufferAllocator allocator) throws IOException {
        super(owner);
        this.owner = owner;
        this.sequence = new BigIntVector(Field.notNullable(COLUMN, new ArrowType.Int(64, true)), allocator);
        this.root = combined();
    }

    /** The owner's columns plus ours; rebuilt if the owner swaps its vectors between batches. */
    private VectorSchemaRoot combined() throws IOException {
        List<FieldVector> vectors = new ArrayList<>(owner.getVectorSchemaRoot().getFieldVectors());
        vectors.add(sequence);
        return new VectorSchemaRoot(vectors);
    }

    @Override
    public VectorSchemaRoot getVectorSchemaRoot() {
        return root;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        if (!owner.loadNextBatch()) {
            return false;
        }
        VectorSchemaRoot source = owner.getVectorSchemaRoot();
        if (!source.getFieldVectors().equals(root.getFieldVectors().subList(0, root.getFieldVectors().size() - 1))) {
            root = combined();
        }
        int rows = source.getRowCount();
        sequence.allocateNew(rows);
        for (int i = 0; i < rows; i++) {
            sequence.set(i, next++);
        }
        sequence.setValueCount(rows);
        root.setRowCount(rows);
        return true;
    }

    /** The owner's vectors are the owner's to close; ours is freed here. */
    @Override
    public void close(boolean closeReadSource) {
        sequence.close();
    }


    @Override
    protected Schema readSchema() {
        return root.getSchema();
    }
}

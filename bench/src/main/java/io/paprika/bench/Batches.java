package io.paprika.bench;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Rows and Arrow buffer bytes received. Both sides of a comparison count bytes the same way (the
 * buffers of every column of every batch), so MB/s figures compare like with like.
 */
record Batches(long rows, long bytes) {
    static final Batches NONE = new Batches(0, 0);

    Batches plus(VectorSchemaRoot root) {
        long size = 0;
        for (FieldVector v : root.getFieldVectors()) {
            size += v.getBufferSize();
        }
        return new Batches(rows + root.getRowCount(), bytes + size);
    }
}

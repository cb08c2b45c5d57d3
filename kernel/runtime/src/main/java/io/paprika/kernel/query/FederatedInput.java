package io.paprika.kernel.query;

import io.paprika.spi.ArrowStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table the federating engine reads as Arrow batches, named as the query names it: a scan of
 * another engine, a scan of a source, or a catalog table.
 */
interface FederatedInput {

    /** The table name the federated query uses. */
    String name();

    /** Starts the scan; the caller closes the stream. */
    ArrowStream open(BufferAllocator allocator) throws QueryException;

    /** The columns {@link #open} streams, without reading rows where possible. */
    Schema schema(BufferAllocator allocator) throws QueryException;

    /** One line for EXPLAIN: what is read, where, with what pushed down. */
    String explain();
}

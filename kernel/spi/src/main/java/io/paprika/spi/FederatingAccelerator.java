package io.paprika.spi;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An accelerator that can also run a query over Arrow inputs from elsewhere (other engines, sources
 * queried on demand) beside its own tables: the kernel's place to join across engines.
 */
public interface FederatingAccelerator extends Accelerator {

    /**
     * Runs {@code sql} (in this engine's dialect) where each key of {@code inputs} names a table
     * whose rows are the value's batches. The inputs are read whole before this returns; the
     * caller still closes them. The caller closes the returned stream.
     *
     * @throws SQLException with the engine's own message when the SQL or a parameter is invalid
     */
    ArrowStream federate(String sql, List<Object> parameters, Map<String, ArrowStream> inputs,
            BufferAllocator allocator) throws SQLException;

    /** The result and parameter schemas of {@link #federate} over inputs of these schemas. */
    QueryShape describeFederated(String sql, Map<String, Schema> inputs, BufferAllocator allocator)
            throws SQLException;
}

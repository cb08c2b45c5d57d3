package io.paprika.kernel.flight;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one metadata answer as a single batch, and turns any failure into an INTERNAL error. */
final class MetadataStream {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataStream.class);

    private MetadataStream() {}

    /**
     * Creates a root of {@code schema}, lets {@code fill} write the rows (and set the row count),
     * streams it, then closes it. Every call ends the stream, with completed or with error.
     */
    static void send(
            String command,
            BufferAllocator allocator,
            Schema schema,
            ServerStreamListener listener,
            Consumer<VectorSchemaRoot> fill) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            fill.accept(root);
            listener.start(root);
            listener.putNext();
            listener.completed();
        } catch (RuntimeException e) {
            LOG.warn("Flight SQL {} failed", command, e);
            listener.error(FlightErrors.internal(command + " failed: " + e.getMessage(), e));
        }
    }

    /** Sets a UTF-8 cell; {@code null} leaves the cell null. */
    static void setString(VectorSchemaRoot root, String column, int row, String value) {
        VarCharVector vector = (VarCharVector) root.getVector(column);
        if (value == null) {
            vector.setNull(row);
        } else {
            vector.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}

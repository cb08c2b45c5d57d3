package io.paprika.spi;

import org.apache.arrow.memory.BufferAllocator;

/**
 * One dataset's source, opened by a {@link Connector}. It may keep state between scans (such as an
 * HTTP validator for conditional requests). Scans of one table never run concurrently.
 */
public interface SourceTable extends AutoCloseable {

    /**
     * Reads the source as Arrow batches allocated from {@code allocator}. The caller closes the
     * returned stream. The batches may be produced as they are read: a failure then is an
     * {@link java.io.IOException} from the reader, caused by a {@link ConnectorException} that
     * says what was wrong (found with {@link ConnectorException#behind}).
     */
    ScanResult scan(ScanRequest request, BufferAllocator allocator) throws ConnectorException;

    @Override
    default void close() {
    }
}

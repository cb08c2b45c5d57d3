package io.paprika.kernel.query.cache;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.ReaderView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads through to a query's result and copies each batch, as the client receives it, into Arrow
 * IPC bytes. When the last batch has been read the bytes go to {@code onComplete}. Recording stops
 * quietly, leaving the client's stream as it was, if the result grows past {@code limit} bytes or
 * cannot be written; a stream closed before its end is never handed on.
 */
final class RecordingReader extends ReaderView {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingReader.class);

    private final long limit;
    private final Consumer<byte[]> onComplete;
    private boolean recording;
    private LimitedBuffer buffer;
    private ArrowStreamWriter writer;

    RecordingReader(ArrowReader inner, long limit, Consumer<byte[]> onComplete) throws IOException {
        super(inner);
        this.limit = limit;
        this.onComplete = requireNonNull(onComplete, "onComplete");
        // Dictionary-encoded results (DuckDB ENUMs) may change dictionaries between batches: not recorded.
        this.recording = inner.getDictionaryIds().isEmpty();
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        boolean more = super.loadNextBatch();
        if (recording) {
            record(more);
        }
        return more;
    }

    private void record(boolean more) {
        try {
            if (writer == null) {
                buffer = new LimitedBuffer(limit);
                writer = new ArrowStreamWriter(getVectorSchemaRoot(), null, buffer);
                writer.start();
            }
            if (more) {
                writer.writeBatch();
                return;
            }
            writer.end();
            byte[] bytes = buffer.toByteArray();
            stop();
            onComplete.accept(bytes);
        } catch (TooLarge e) {
            LOG.debug("result larger than the results cache ({} bytes); not cached", limit);
            stop();
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not record a result for the cache: {}", e.toString());
            stop();
        }
    }

    /** Whether a finished result could still be handed on (for tests). */
    boolean recording() {
        return recording;
    }

    private void stop() {
        recording = false;
        writer = null;
        buffer = null;
    }

    /** A byte buffer that refuses to grow past the limit, so an oversize result costs at most that. */
    private static final class LimitedBuffer extends ByteArrayOutputStream {
        private final long limit;

        LimitedBuffer(long limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        private void check(int more) {
            if (count + (long) more > limit) {
                throw new TooLarge();
            }
        }
    }

    /** Thrown by the buffer at the first byte past the limit (its writes cannot throw checked exceptions). */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("result exceeds the results cache size", null, false, false);
        }
    }
}

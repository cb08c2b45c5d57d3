package io.paprika.kernel.query;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.ReaderView;
import java.io.IOException;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * An engine's result reader that the kernel can stop between batches: when the engine's bundle
 * goes away mid-query, the next batch fails with a clear reason instead of reading from a closed
 * database or hanging. The engine's stream still owns (and closes) the reader.
 */
final class AbortableReader extends ReaderView {
    private volatile String abortReason;

    AbortableReader(ArrowReader inner) throws IOException {
        super(inner);
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
        return super.loadNextBatch();
    }
}

package io.paprika.kernel.metrics;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.ReaderView;
import java.io.IOException;
import org.apache.arrow.vector.ipc.ArrowReader;

/** Reads through to a query's result, counting rows as batches pass; reports once when closed. */
final class CountingReader extends ReaderView {
    /** Told at close: whether reading failed, and the rows read. */
    interface Outcome {
        void ended(boolean failed, long rows);
    }

    private final Outcome outcome;
    private long rows;
    private boolean failed;
    private boolean reported;

    CountingReader(ArrowReader owner, Outcome outcome) throws IOException {
        super(owner);
        this.outcome = requireNonNull(outcome, "outcome");
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        try {
            boolean more = super.loadNextBatch();
            if (more) {
                rows += getVectorSchemaRoot().getRowCount();
            }
            return more;
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Reports; the batches themselves are the owner's to close. */
    @Override
    public void close(boolean closeReadSource) {
        if (!reported) {
            reported = true;
            outcome.ended(failed, rows);
        }
    }
}

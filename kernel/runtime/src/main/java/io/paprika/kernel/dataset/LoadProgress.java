package io.paprika.kernel.dataset;

import io.paprika.spi.ReaderView;
import java.io.IOException;
import java.util.Locale;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what flows from the connector into the engine and, for long loads, logs the rows and
 * MiB so far and the rate at least every 10 seconds.
 */
final class LoadProgress extends ReaderView {
    private static final Logger LOG = LoggerFactory.getLogger(LoadProgress.class);
    private static final long EVERY_NANOS = 10_000_000_000L;

    private final ArrowReader source;
    private final String dataset;
    private final long started = System.nanoTime();
    private long lastLog = started;
    private long rows;
    private long bytes;

    LoadProgress(ArrowReader source, String dataset) throws IOException {
        super(source);
        this.source = source;
        this.dataset = dataset;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        boolean more = super.loadNextBatch();
        if (more) {
            rows += source.getVectorSchemaRoot().getRowCount();
            for (FieldVector v : source.getVectorSchemaRoot().getFieldVectors()) {
                bytes += v.getBufferSize();
            }
            long now = System.nanoTime();
            if (now - lastLog >= EVERY_NANOS) {
                lastLog = now;
                double seconds = (now - started) / 1e9;
                LOG.info("Loading dataset {}: {} rows ({}) so far, {} rows/s", dataset, rows,
                        DatasetLoader.mib(bytes), String.format(Locale.ROOT, "%.0f", rows / seconds));
            }
        }
        return more;
    }
}

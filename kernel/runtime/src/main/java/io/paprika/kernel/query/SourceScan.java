package io.paprika.kernel.query;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.dataset.Dataset;
import io.paprika.kernel.dataset.DatasetManager;
import io.paprika.kernel.query.plan.Scan;
import io.paprika.spi.ArrowStream;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.ReaderView;
import io.paprika.spi.ScanRequest;
import io.paprika.spi.ScanResult;
import io.paprika.spi.SourceTable;
import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A dataset read from its source for this query: not accelerated, or {@code ready_state:
 * on_registration} before its first load. Columns and filters go to the connector.
 */
final class SourceScan implements FederatedInput {
    private final DatasetManager datasets;
    private final Dataset dataset;
    private final Scan scan;

    SourceScan(DatasetManager datasets, Dataset dataset, Scan scan) {
        this.datasets = requireNonNull(datasets, "datasets");
        this.dataset = requireNonNull(dataset, "dataset");
        this.scan = requireNonNull(scan, "scan");
    }

    @Override
    public String name() {
        return dataset.name();
    }

    @Override
    public ArrowStream open(BufferAllocator allocator) throws QueryException {
        return open(scan, allocator);
    }

    private ArrowStream open(Scan s, BufferAllocator allocator) throws QueryException {
        SourceTable source = null;
        try {
            source = datasets.openSource(dataset);
            ScanResult result = source.scan(new ScanRequest(s.columns(), s.filter(), false), allocator);
            ArrowStream rows = result.rows().orElseThrow(() -> new ConnectorException(
                    "the connector answered `not modified` to an unconditional scan", false));
            if (s.columns().isEmpty()) {
                dataset.sourceSchema(rows.reader().getVectorSchemaRoot().getSchema());
            }
            // The view keeps the reader closed once: by its own stream.
            return new ArrowStream(new ReaderView(rows.reader()), source, rows);
        } catch (IOException e) {
            closeQuietly(source);
            ConnectorException c = ConnectorException.behind(e).orElse(null);
            if (c == null) {
                throw new QueryException(QueryException.Kind.INTERNAL, "dataset `" + dataset.name()
                        + "`: reading the source failed: " + e.getMessage(), e);
            }
            throw sourceFailed(c);
        } catch (ConnectorException e) {
            closeQuietly(source);
            throw sourceFailed(e);
        } catch (RuntimeException e) {
            closeQuietly(source);
            throw new QueryException(QueryException.Kind.INTERNAL, "dataset `" + dataset.name()
                    + "`: reading the source failed: " + e.getMessage(), e);
        }
    }

    private QueryException sourceFailed(ConnectorException e) {
        // Connector messages already name the dataset.
        String msg = e.getMessage() != null && e.getMessage().startsWith("dataset `") ? e.getMessage()
                : "dataset `" + dataset.name() + "`: " + e.getMessage();
        return new QueryException(e.retryable() ? QueryException.Kind.UNAVAILABLE : QueryException.Kind.INTERNAL,
                "reading the source failed: " + msg, e);
    }

    /** The source's columns: remembered from the last full scan, else learnt by scanning once. */
    @Override
    public Schema schema(BufferAllocator allocator) throws QueryException {
        if (dataset.sourceSchema().isEmpty()) {
            try (ArrowStream probe = open(new Scan(dataset.name(), java.util.List.of(), java.util.List.of(),
                    java.util.OptionalLong.empty()), allocator)) {
                // reading the schema is enough: open() remembered it
            } catch (QueryException e) {
                throw e;
            } catch (Exception e) {
                throw new QueryException(QueryException.Kind.INTERNAL, "dataset `" + dataset.name()
                        + "`: closing the source failed: " + e.getMessage(), e);
            }
        }
        Schema all = dataset.sourceSchema().orElseThrow();
        if (scan.columns().isEmpty()) {
            return all;
        }
        return new Schema(all.getFields().stream().filter(f -> scan.columns().contains(f.getName())).toList());
    }

    @Override
    public String explain() {
        return dataset.name() + " at source " + dataset.spec().safeFrom() + ": columns "
                + (scan.columns().isEmpty() ? "*" : String.join(", ", scan.columns()))
                + scan.filter().map(f -> ", filter " + f).orElse("");
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the scan's own failure is the one reported
            }
        }
    }
}

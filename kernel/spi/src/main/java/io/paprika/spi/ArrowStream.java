package io.paprika.spi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * A stream of Arrow batches plus whatever must be closed after it (a statement, a connection, a
 * temporary file). Whoever receives one closes it.
 */
public final class ArrowStream implements AutoCloseable {
    private final ArrowReader reader;
    private final List<AutoCloseable> resources;
    private final LocalFileQuery fileQuery;

    public ArrowStream(ArrowReader reader, AutoCloseable... resources) {
        this(reader, null, resources);
    }

    /**
     * A stream whose rows an engine may also read by running {@code fileQuery} itself (see
     * {@link LocalFileQuery}); the reader must not have been read from yet.
     *
     * @since 1.4
     */
    public ArrowStream(ArrowReader reader, LocalFileQuery fileQuery, AutoCloseable... resources) {
        this.reader = requireNonNull(reader, "reader");
        this.fileQuery = fileQuery;
        this.resources = List.of(resources);
    }

    public ArrowReader reader() {
        return reader;
    }

    /**
     * The same rows as a DuckDB query over local files, when the connector has one.
     *
     * @since 1.4
     */
    public Optional<LocalFileQuery> fileQuery() {
        return Optional.ofNullable(fileQuery);
    }

    /** Closes the reader first, then the resources in reverse order; reports the first failure. */
    @Override
    public void close() throws Exception {
        List<AutoCloseable> order = new ArrayList<>();
        order.add(reader);
        for (int i = resources.size() - 1; i >= 0; i--) {
            order.add(resources.get(i));
        }
        Exception first = null;
        for (AutoCloseable c : order) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}

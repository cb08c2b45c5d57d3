package io.paprika.spi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * A stream of Arrow batches plus whatever must be closed after it (a statement, a connection, a
 * temporary file). Whoever receives one closes it.
 */
public final class ArrowStream implements AutoCloseable {
    private final ArrowReader reader;
    private final List<AutoCloseable> resources;

    public ArrowStream(ArrowReader reader, AutoCloseable... resources) {
        this.reader = requireNonNull(reader, "reader");
        this.resources = List.of(resources);
    }

    public ArrowReader reader() {
        return reader;
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

package io.paprika.spi;

import java.util.Optional;

/**
 * A source could not be read. The message names the dataset and the source (never a credential)
 * and says what to do. {@link #retryable()} is true for failures worth retrying: connect errors,
 * timeouts, 5xx and 429 answers.
 */
public class ConnectorException extends Exception {
    private final boolean retryable;

    public ConnectorException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public ConnectorException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /**
     * The connector's error behind {@code failure}, if any: a reader that fails while its batches
     * are read throws an {@link java.io.IOException} caused by one (see {@link SourceTable#scan}).
     *
     * @since 1.4
     */
    public static Optional<ConnectorException> behind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectorException c) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

package io.paprika.spi;

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
}

package io.paprika.spi;

/** An accelerator could not create, load or read a table; the message names the dataset. */
public class AccelerationException extends Exception {

    public AccelerationException(String message) {
        super(message);
    }

    public AccelerationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.paprika.kernel.query;

import java.io.IOException;

/** A running query was stopped by the kernel (its engine went away); the message says why. */
public final class QueryAbortedException extends IOException {
    public QueryAbortedException(String message) {
        super(message);
    }
}

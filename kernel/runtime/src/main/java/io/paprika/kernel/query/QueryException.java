package io.paprika.kernel.query;

import static java.util.Objects.requireNonNull;

/** A query was refused or failed; {@link #kind()} tells which protocol status it maps to. */
public class QueryException extends Exception {

    /** Mirrors the gRPC codes Flight uses; HTTP maps them to 400/404/503/500. */
    public enum Kind {
        INVALID_ARGUMENT,
        NOT_FOUND,
        UNAVAILABLE,
        INTERNAL
    }

    private final Kind kind;

    public QueryException(Kind kind, String message) {
        super(message);
        this.kind = requireNonNull(kind, "kind");
    }

    public QueryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}

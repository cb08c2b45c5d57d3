package io.paprika.kernel.flight;

import io.paprika.kernel.config.SecretMask;
import io.paprika.kernel.query.QueryException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;

/** Maps query failures to the gRPC status a Flight client sees. */
final class FlightErrors {
    private FlightErrors() {
    }

    static FlightRuntimeException of(QueryException e) {
        CallStatus status = switch (e.kind()) {
            case INVALID_ARGUMENT -> CallStatus.INVALID_ARGUMENT;
            case NOT_FOUND -> CallStatus.NOT_FOUND;
            case UNAVAILABLE -> CallStatus.UNAVAILABLE;
            case INTERNAL -> CallStatus.INTERNAL;
        };
        return status.withDescription(SecretMask.mask(e.getMessage())).withCause(e).toRuntimeException();
    }

    static FlightRuntimeException invalid(String message) {
        return CallStatus.INVALID_ARGUMENT.withDescription(message).toRuntimeException();
    }

    static FlightRuntimeException internal(String message, Throwable cause) {
        return CallStatus.INTERNAL.withDescription(SecretMask.mask(message)).withCause(cause).toRuntimeException();
    }
}

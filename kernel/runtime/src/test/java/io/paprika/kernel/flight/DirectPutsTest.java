package io.paprika.kernel.flight;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.arrow.flight.impl.FlightServiceGrpc;
import org.junit.jupiter.api.Test;

class DirectPutsTest {
    @Test
    void onlyDoPutRunsOnTheIoThread() {
        assertTrue(DirectPuts.onIoThread(FlightServiceGrpc.getDoPutMethod()));
    }

    /** These run producer code in their handler (describing or running a query), which must not block I/O. */
    @Test
    void methodsThatRunQueriesKeepFlightsExecutor() {
        assertFalse(DirectPuts.onIoThread(FlightServiceGrpc.getDoGetMethod()));
        assertFalse(DirectPuts.onIoThread(FlightServiceGrpc.getGetFlightInfoMethod()));
        assertFalse(DirectPuts.onIoThread(FlightServiceGrpc.getGetSchemaMethod()));
        assertFalse(DirectPuts.onIoThread(FlightServiceGrpc.getDoActionMethod()));
        assertFalse(DirectPuts.onIoThread(FlightServiceGrpc.getDoExchangeMethod()));
        assertFalse(DirectPuts.onIoThread(FlightServiceGrpc.getHandshakeMethod()));
        assertFalse(DirectPuts.onIoThread(FlightServiceGrpc.getListFlightsMethod()));
    }
}

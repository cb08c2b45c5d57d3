package io.paprika.kernel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.client.CollectorRegistry;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightMethod;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.junit.jupiter.api.Test;

class FlightMetricsTest {

    @Test
    void methodsAreNamedAsTheFlightProtocolNamesItsRpcs() {
        assertEquals("DoGet", FlightMetrics.rpcName(FlightMethod.DO_GET));
        assertEquals("GetFlightInfo", FlightMetrics.rpcName(FlightMethod.GET_FLIGHT_INFO));
        assertEquals("Handshake", FlightMetrics.rpcName(FlightMethod.HANDSHAKE));
    }

    @Test
    void eachCallIsCountedAtItsStartAndTimedOnceAtItsEnd() {
        CollectorRegistry registry = new CollectorRegistry();
        FlightMetrics metrics = new FlightMetrics(registry);
        FlightServerMiddleware ok = metrics.onCallStarted(new CallInfo(FlightMethod.DO_GET), null, null);
        FlightServerMiddleware broken = metrics.onCallStarted(new CallInfo(FlightMethod.DO_GET), null, null);
        metrics.onCallStarted(new CallInfo(FlightMethod.GET_FLIGHT_INFO), null, null);
        assertEquals(2.0, value(registry, "flight_requests_total", "DoGet"));
        assertEquals(1.0, value(registry, "flight_requests_total", "GetFlightInfo"));
        assertEquals(null, value(registry, "flight_request_duration_ms_count", "DoGet"), "still running");

        ok.onCallCompleted(new CallStatus(org.apache.arrow.flight.FlightStatusCode.OK, null, null, null));
        broken.onCallErrored(new IllegalStateException("gone"));
        broken.onCallCompleted(CallStatus.INTERNAL); // gRPC may report both; one observation
        assertEquals(2.0, value(registry, "flight_request_duration_ms_count", "DoGet"));
    }

    private static Double value(CollectorRegistry registry, String name, String method) {
        return registry.getSampleValue(name, new String[] {"method"}, new String[] {method});
    }
}

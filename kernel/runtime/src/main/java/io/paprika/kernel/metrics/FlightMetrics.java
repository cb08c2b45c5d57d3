package io.paprika.kernel.metrics;

import static java.util.Objects.requireNonNull;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import java.util.Locale;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightMethod;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.RequestContext;

/**
 * Flight requests by RPC method ({@code DoGet}, {@code GetFlightInfo}, ...), measured by a server
 * middleware from the call's start to its completion, so a {@code DoGet} includes its streaming.
 */
public final class FlightMetrics implements FlightServerMiddleware.Factory<FlightMetrics.Call> {
    private static final org.slf4j.Logger REQUESTS = org.slf4j.LoggerFactory.getLogger("io.paprika.kernel.requests");
    /** The key to register this middleware under on the FlightServer builder. */
    public static final FlightServerMiddleware.Key<Call> KEY = FlightServerMiddleware.Key.of("paprika-metrics");

    private final Counter requests;
    private final Histogram duration;

    FlightMetrics(CollectorRegistry registry) {
        requireNonNull(registry, "registry");
        requests = Counter.build("flight_requests", "Arrow Flight requests, by RPC method.")
                .labelNames("method").register(registry);
        duration = Histogram.build("flight_request_duration_ms", "Arrow Flight request time in milliseconds (to the last batch sent), by RPC method.")
                .labelNames("method").buckets(Buckets.MILLIS).register(registry);
    }

    @Override
    public Call onCallStarted(CallInfo info, CallHeaders incomingHeaders, RequestContext context) {
        String method = rpcName(info.method());
        requests.labels(method).inc();
        return new Call(method);
    }

    /** {@code DO_GET} → {@code DoGet}: the name the Flight protocol gives the RPC. */
    static String rpcName(FlightMethod method) {
        StringBuilder out = new StringBuilder();
        for (String part : method.name().split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** One call: observes its duration when it completes or errs, once. */
    public final class Call implements FlightServerMiddleware {
        private final String method;
        private final long started = System.nanoTime();
        private boolean ended;

        private Call(String method) {
            this.method = method;
        }

        @Override
        public void onBeforeSendingHeaders(CallHeaders outgoingHeaders) {
        }

        @Override
        public void onCallCompleted(CallStatus status) {
            end(status.code().name());
        }

        @Override
        public void onCallErrored(Throwable err) {
            end("ERROR");
        }

        private synchronized void end(String outcome) {
            if (!ended) {
                ended = true;
                double millis = (System.nanoTime() - started) / 1e6;
                duration.labels(method).observe(millis);
                // The request log (-v): one line per call.
                REQUESTS.debug("Flight {} {} in {} ms", method, outcome, Math.round(millis));
            }
        }
    }
}

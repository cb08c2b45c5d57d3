package io.paprika.kernel.otlp;

import static io.paprika.kernel.otlp.OtlpRequests.attr;
import static io.paprika.kernel.otlp.OtlpRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.paprika.kernel.HostPort;
import io.prometheus.client.CollectorRegistry;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OtlpReceiverTest {

    @Test
    void anExportOverGrpcReachesTheCollector() throws Exception {
        CollectorRegistry registry = new CollectorRegistry(true);
        OtlpMetricsCollector collector = new OtlpMetricsCollector(10).register(registry);
        try (OtlpReceiver receiver = OtlpReceiver.start(new HostPort("127.0.0.1", 0), collector)) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", receiver.port()).usePlaintext().build();
            try {
                MetricsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).export(request("svc",
                        Metric.newBuilder().setName("up").setGauge(Gauge.newBuilder().addDataPoints(
                                NumberDataPoint.newBuilder().setAsInt(1).addAttributes(attr("zone", "eu")))).build()));
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
        assertEquals(1.0, registry.getSampleValue("otel_up", new String[] {"service_name", "zone"}, new String[] {"svc", "eu"}));
    }

    @Test
    void aTakenAddressIsAnErrorNamingItAndTheFlag() throws Exception {
        OtlpMetricsCollector collector = new OtlpMetricsCollector(10);
        try (OtlpReceiver first = OtlpReceiver.start(new HostPort("127.0.0.1", 0), collector)) {
            HostPort taken = new HostPort("127.0.0.1", first.port());
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> OtlpReceiver.start(taken, collector));
            assertTrue(e.getMessage().contains(taken.toString()) && e.getMessage().contains("--open_telemetry"), e.getMessage());
        }
    }
}

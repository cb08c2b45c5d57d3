package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --open_telemetry} as an OTLP/gRPC exporter uses it: metrics sent there are scraped on /metrics. */
class OtlpIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KeyValue attr(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    @Test
    void exportedGaugeAndSumShowOnMetrics(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.csv"), "id\n1\n");
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: otlp
                datasets:
                  - from: file:t.csv
                    name: t
                    acceleration: {enabled: true, engine: arrow}
                """);
        try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
            spiced.awaitReady(Duration.ofSeconds(30));
            String status = spiced.get("/v1/status").body();
            assertTrue(status.contains("{\"name\":\"opentelemetry\",\"address\":\"127.0.0.1:" + spiced.otlpPort()
                    + "\",\"state\":\"ready\"}"), status);

            ExportMetricsServiceRequest request = ExportMetricsServiceRequest.newBuilder().addResourceMetrics(
                    ResourceMetrics.newBuilder().setResource(Resource.newBuilder().addAttributes(attr("service.name", "shop")))
                            .addScopeMetrics(ScopeMetrics.newBuilder()
                                    .addMetrics(Metric.newBuilder().setName("queue.depth").setDescription("items waiting")
                                            .setGauge(Gauge.newBuilder().addDataPoints(NumberDataPoint.newBuilder()
                                                    .setAsDouble(12.5).addAttributes(attr("queue", "orders")))))
                                    .addMetrics(Metric.newBuilder().setName("orders.placed").setSum(Sum.newBuilder()
                                            .setIsMonotonic(true).setAggregationTemporality(
                                                    AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                                            .addDataPoints(NumberDataPoint.newBuilder().setAsInt(41)
                                                    .addAttributes(attr("payment.method", "card")))))))
                    .build();
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", spiced.otlpPort()).usePlaintext().build();
            try {
                MetricsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).export(request);
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }

            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + spiced.metricsPort() + "/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            String text = r.body();
            assertTrue(text.contains("# TYPE otel_queue_depth gauge\n"), text);
            assertTrue(text.contains("\notel_queue_depth{queue=\"orders\",service_name=\"shop\",} 12.5\n"), text);
            assertTrue(text.contains("# TYPE otel_orders_placed_total counter\n"), text);
            assertTrue(text.contains("\notel_orders_placed_total{payment_method=\"card\",service_name=\"shop\",} 41.0\n"), text);
            assertTrue(text.contains("\notlp_receiver_series 2.0\n"), text);
            // The runtime's own metrics are still there beside them.
            assertTrue(text.contains("\ndataset_load_state{dataset=\"t\",} 1.0\n"), text);
        }
    }
}

package io.paprika.kernel.otlp;

import static io.paprika.kernel.otlp.OtlpRequests.attr;
import static io.paprika.kernel.otlp.OtlpRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class OtlpMetricsCollectorTest {
    private final CollectorRegistry registry = new CollectorRegistry(true);

    private static Metric gauge(String name, double value, String attrKey, String attrValue) {
        return Metric.newBuilder().setName(name).setDescription("a gauge").setGauge(Gauge.newBuilder()
                .addDataPoints(NumberDataPoint.newBuilder().setAsDouble(value).addAttributes(attr(attrKey, attrValue))))
                .build();
    }

    private static Metric sum(String name, long value, boolean monotonic, AggregationTemporality temporality) {
        return Metric.newBuilder().setName(name).setSum(Sum.newBuilder().setIsMonotonic(monotonic)
                .setAggregationTemporality(temporality)
                .addDataPoints(NumberDataPoint.newBuilder().setAsInt(value).addAttributes(attr("http.status_code", 200))))
                .build();
    }

    private String text() throws Exception {
        StringWriter w = new StringWriter();
        TextFormat.write004(w, registry.metricFamilySamples());
        return w.toString();
    }

    @Test
    void gaugesAndSumsShowAsSamplesWithSanitisedNamesAndLabels() throws Exception {
        OtlpMetricsCollector c = new OtlpMetricsCollector(100).register(registry);
        c.accept(request("checkout", gauge("queue.depth-now", 7.5, "queue.name", "orders"),
                sum("http.server.requests", 42, true, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE),
                sum("pool.in_use", 3, false, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)));

        assertEquals(7.5, registry.getSampleValue("otel_queue_depth_now",
                new String[] {"queue_name", "service_name"}, new String[] {"orders", "checkout"}));
        assertEquals(42.0, registry.getSampleValue("otel_http_server_requests_total",
                new String[] {"http_status_code", "service_name"}, new String[] {"200", "checkout"}));
        assertEquals(3.0, registry.getSampleValue("otel_pool_in_use",
                new String[] {"http_status_code", "service_name"}, new String[] {"200", "checkout"}));
        String text = text();
        assertTrue(text.contains("# TYPE otel_queue_depth_now gauge"), text);
        assertTrue(text.contains("# HELP otel_queue_depth_now a gauge"), text);
        assertTrue(text.contains("# TYPE otel_http_server_requests_total counter"), text);
        assertTrue(text.contains("# TYPE otel_pool_in_use gauge"), text);
        // Only service.name of the resource becomes a label, not every resource attribute.
        assertTrue(!text.contains("host_name"), text);
    }

    @Test
    void aLaterPointReplacesTheSeriesAndHistogramsShowCountAndSum() {
        OtlpMetricsCollector c = new OtlpMetricsCollector(100).register(registry);
        c.accept(request("svc", gauge("temp", 1, "room", "a")));
        c.accept(request("svc", gauge("temp", 2, "room", "a"), Metric.newBuilder().setName("rpc.duration")
                .setHistogram(Histogram.newBuilder().addDataPoints(HistogramDataPoint.newBuilder().setCount(4).setSum(10.5)
                        .addAttributes(attr("9method", "get")))).build()));

        String[] names = {"room", "service_name"};
        String[] values = {"a", "svc"};
        assertEquals(2.0, registry.getSampleValue("otel_temp", names, values));
        assertEquals(4.0, registry.getSampleValue("otel_rpc_duration_count",
                new String[] {"key_9method", "service_name"}, new String[] {"get", "svc"}));
        assertEquals(10.5, registry.getSampleValue("otel_rpc_duration_sum",
                new String[] {"key_9method", "service_name"}, new String[] {"get", "svc"}));
        assertEquals(2.0, registry.getSampleValue("otlp_receiver_series"));
    }

    @Test
    void seriesBeyondTheBoundAreDroppedAndCounted() {
        OtlpMetricsCollector c = new OtlpMetricsCollector(3).register(registry);
        for (int i = 0; i < 5; i++) {
            c.accept(request("svc", gauge("temp", i, "room", "r" + i)));
        }
        c.accept(request("svc", gauge("temp", 99, "room", "r0"))); // a held series still updates

        assertEquals(3.0, registry.getSampleValue("otlp_receiver_series"));
        assertEquals(2.0, registry.getSampleValue("otlp_receiver_dropped_data_points_total",
                new String[] {"reason"}, new String[] {"series_limit"}));
        assertEquals(99.0, registry.getSampleValue("otel_temp", new String[] {"room", "service_name"},
                new String[] {"r0", "svc"}));
        assertNull(registry.getSampleValue("otel_temp", new String[] {"room", "service_name"}, new String[] {"r4", "svc"}));
    }

    @Test
    void aNameArrivingWithAnotherTypeIsDroppedAndCounted() {
        OtlpMetricsCollector c = new OtlpMetricsCollector(100).register(registry);
        c.accept(request("svc", gauge("jobs", 1, "k", "v")));
        c.accept(request("svc", sum("jobs", 5, true, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)));

        assertEquals(1.0, registry.getSampleValue("otel_jobs", new String[] {"k", "service_name"}, new String[] {"v", "svc"}));
        assertEquals(1.0, registry.getSampleValue("otlp_receiver_dropped_data_points_total",
                new String[] {"reason"}, new String[] {"type_conflict"}));
    }
}

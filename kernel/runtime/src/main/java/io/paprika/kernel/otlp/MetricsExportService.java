package io.paprika.kernel.otlp;

import static java.util.Objects.requireNonNull;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OTLP's {@code MetricsService/Export}: every request goes whole into the collector. */
final class MetricsExportService extends MetricsServiceGrpc.MetricsServiceImplBase {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsExportService.class);

    private final OtlpMetricsCollector collector;

    MetricsExportService(OtlpMetricsCollector collector) {
        this.collector = requireNonNull(collector, "collector");
    }

    @Override
    public void export(ExportMetricsServiceRequest request, StreamObserver<ExportMetricsServiceResponse> response) {
        try {
            collector.accept(request);
        } catch (RuntimeException e) {
            // An exporter retries on UNAVAILABLE-like codes; INTERNAL tells it this is ours, not the network.
            LOG.warn("OTLP metrics export could not be taken in", e);
            response.onError(Status.INTERNAL.withDescription("export not taken in: " + e.getMessage()).asRuntimeException());
            return;
        }
        response.onNext(ExportMetricsServiceResponse.getDefaultInstance());
        response.onCompleted();
    }
}

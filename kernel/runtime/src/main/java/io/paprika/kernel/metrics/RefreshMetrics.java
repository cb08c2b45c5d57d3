package io.paprika.kernel.metrics;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.dataset.Dataset;
import io.paprika.kernel.dataset.DatasetManager;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import java.time.Duration;

/** Accelerated dataset loads and refreshes: how long each took (by dataset and mode) and how many failed. */
public final class RefreshMetrics implements DatasetManager.LoadListener {
    private final Histogram duration;
    private final Counter errors;

    RefreshMetrics(CollectorRegistry registry) {
        requireNonNull(registry, "registry");
        duration = Histogram.build("dataset_acceleration_refresh_duration_ms",
                "Time a dataset's load or refresh took in milliseconds, failed ones included, by dataset and refresh mode.")
                .labelNames("dataset", "mode").buckets(Buckets.MILLIS).register(registry);
        errors = Counter.build("dataset_acceleration_refresh_errors", "Failed loads and refreshes of a dataset.")
                .labelNames("dataset").register(registry);
    }

    @Override
    public void loadFinished(Dataset dataset, String mode, boolean failed, Duration took) {
        record(dataset.name(), mode, failed, took);
    }

    void record(String dataset, String mode, boolean failed, Duration took) {
        duration.labels(dataset, mode).observe(took.toNanos() / 1e6);
        if (failed) {
            errors.labels(dataset).inc();
        }
    }
}

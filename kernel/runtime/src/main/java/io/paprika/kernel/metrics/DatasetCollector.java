package io.paprika.kernel.metrics;

import static java.util.Objects.requireNonNull;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Dataset gauges read at scrape time from the datasets themselves, so they can never drift from
 * what {@code /v1/datasets} shows.
 */
final class DatasetCollector extends Collector {
    private final Supplier<List<DatasetFigures>> datasets;

    DatasetCollector(Supplier<List<DatasetFigures>> datasets) {
        this.datasets = requireNonNull(datasets, "datasets");
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<String> byDataset = List.of("dataset");
        GaugeMetricFamily state = new GaugeMetricFamily("dataset_load_state",
                "Dataset state: 0 initializing, 1 ready, 2 disabled, 3 error, 4 refreshing.", byDataset);
        GaugeMetricFamily active = new GaugeMetricFamily("dataset_active_count",
                "Datasets that can answer queries, by engine (`none` for datasets read from their source).", List.of("engine"));
        GaugeMetricFamily lastRefresh = new GaugeMetricFamily("dataset_acceleration_last_refresh_time_ms",
                "When the dataset's last successful refresh started, in milliseconds since the Unix epoch.", byDataset);
        GaugeMetricFamily rows = new GaugeMetricFamily("dataset_acceleration_rows",
                "Rows in the dataset's acceleration.", byDataset);
        GaugeMetricFamily size = new GaugeMetricFamily("dataset_acceleration_size_bytes",
                "Size of the dataset's acceleration in bytes, as its engine reports it.", byDataset);
        Map<String, Integer> activeByEngine = new TreeMap<>();
        for (DatasetFigures d : datasets.get()) {
            List<String> name = List.of(d.name());
            if (d.stateCode() >= 0) {
                state.addMetric(name, d.stateCode());
            }
            activeByEngine.merge(d.engine(), d.servable() ? 1 : 0, Integer::sum);
            if (d.accelerated()) {
                d.lastRefresh().ifPresent(t -> lastRefresh.addMetric(name, t.toEpochMilli()));
                rows.addMetric(name, d.rows());
                size.addMetric(name, d.sizeBytes());
            }
        }
        activeByEngine.forEach((engine, n) -> active.addMetric(List.of(engine), n));
        return List.of(state, active, lastRefresh, rows, size);
    }
}

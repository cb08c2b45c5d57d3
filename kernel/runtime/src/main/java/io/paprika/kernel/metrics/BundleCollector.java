package io.paprika.kernel.metrics;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.plugin.BundleStatus;
import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** {@code plugin_bundles{state}}: installed OSGi bundles by state, read from the framework at scrape time. */
final class BundleCollector extends Collector {
    private final Supplier<List<BundleStatus>> bundles;

    BundleCollector(Supplier<List<BundleStatus>> bundles) {
        this.bundles = requireNonNull(bundles, "bundles");
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeMetricFamily byState = new GaugeMetricFamily("plugin_bundles",
                "Installed OSGi bundles (plugins and the libraries they use), by bundle state.", List.of("state"));
        Map<String, Integer> counts = new TreeMap<>();
        for (BundleStatus b : bundles.get()) {
            counts.merge(b.state(), 1, Integer::sum);
        }
        counts.forEach((state, n) -> byState.addMetric(List.of(state), n));
        return List.of(byState);
    }
}

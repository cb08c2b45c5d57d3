package io.paprika.kernel.metrics;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.dataset.DatasetManager;
import io.paprika.kernel.plugin.PluginInventory;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.DefaultExports;

/**
 * The runtime's Prometheus metrics, in a registry of its own (not simpleclient's static default,
 * so two runtimes in one JVM, as in tests, never share or collide): queries, HTTP and Flight
 * requests, dataset refreshes, plugins, and the JVM's own collectors.
 */
public final class Metrics {
    private final CollectorRegistry registry = new CollectorRegistry(true);
    private final QueryMetrics queries = new QueryMetrics(registry);
    private final HttpMetrics http = new HttpMetrics(registry);
    private final FlightMetrics flight = new FlightMetrics(registry);
    private final RefreshMetrics refreshes = new RefreshMetrics(registry);
    private final PluginEvents pluginEvents = new PluginEvents(registry);

    public Metrics() {
        DefaultExports.register(registry);
    }

    /** Adds the gauges read at scrape time from the datasets and the installed bundles. */
    public void watch(DatasetManager datasets, PluginInventory inventory) {
        requireNonNull(datasets, "datasets");
        requireNonNull(inventory, "inventory");
        new DatasetCollector(() -> datasets.all().stream().map(DatasetFigures::of).toList()).register(registry);
        new BundleCollector(inventory::bundles).register(registry);
        datasets.onLoadFinished(refreshes);
    }

    public CollectorRegistry registry() {
        return registry;
    }

    public QueryMetrics queries() {
        return queries;
    }

    public HttpMetrics http() {
        return http;
    }

    public FlightMetrics flight() {
        return flight;
    }

    public RefreshMetrics refreshes() {
        return refreshes;
    }

    public PluginEvents pluginEvents() {
        return pluginEvents;
    }
}

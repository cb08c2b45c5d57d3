package io.paprika.kernel.metrics;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.plugin.PluginListener;
import io.paprika.kernel.plugin.PluginRef;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;

/** Connectors and engines coming and going as bundles are added, replaced or removed. */
public final class PluginEvents implements PluginListener {
    private final Counter events;

    PluginEvents(CollectorRegistry registry) {
        requireNonNull(registry, "registry");
        // simpleclient writes a counter as <name>_total: this one shows as plugin_events_total.
        events = Counter.build("plugin_events", "Connector and engine services registered (added) or gone (removed).")
                .labelNames("event").register(registry);
    }

    @Override
    public void pluginAdded(PluginRef plugin) {
        events.labels("added").inc();
    }

    @Override
    public void pluginRemoved(PluginRef plugin) {
        events.labels("removed").inc();
    }
}

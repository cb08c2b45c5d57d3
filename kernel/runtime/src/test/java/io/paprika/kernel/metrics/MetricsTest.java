package io.paprika.kernel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.kernel.plugin.BundleStatus;
import io.paprika.kernel.plugin.PluginRef;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The collectors as a scrape shows them: values, and a help line for every family. */
class MetricsTest {
    private static final Pattern FAMILY = Pattern.compile("(?m)^# TYPE (\\S+) ");
    private static final Pattern HELP = Pattern.compile("(?m)^# HELP (\\S+) \\S");

    @Test
    void datasetGaugesAreReadAtScrapeTime() {
        CollectorRegistry registry = new CollectorRegistry(true);
        Instant refreshed = Instant.parse("2026-01-02T03:04:05Z");
        List<DatasetFigures> now = new java.util.ArrayList<>(List.of(
                new DatasetFigures("orders", "duckdb", 1, true, true, Optional.of(refreshed), 42, 4096),
                new DatasetFigures("events", "duckdb", 3, false, true, Optional.empty(), 0, 0),
                new DatasetFigures("remote", "none", 1, true, false, Optional.empty(), 0, 0)));
        new DatasetCollector(() -> now).register(registry);

        assertEquals(1.0, dataset(registry, "dataset_load_state", "orders"));
        assertEquals(3.0, dataset(registry, "dataset_load_state", "events"));
        assertEquals(42.0, dataset(registry, "dataset_acceleration_rows", "orders"));
        assertEquals(4096.0, dataset(registry, "dataset_acceleration_size_bytes", "orders"));
        assertEquals((double) refreshed.toEpochMilli(), dataset(registry, "dataset_acceleration_last_refresh_time_ms", "orders"));
        assertNull(dataset(registry, "dataset_acceleration_last_refresh_time_ms", "events"), "never refreshed");
        assertNull(dataset(registry, "dataset_acceleration_rows", "remote"), "read from the source: nothing accelerated");
        assertEquals(1.0, engine(registry, "duckdb"), "an errored dataset that never loaded is not active");
        assertEquals(1.0, engine(registry, "none"));

        now.set(1, new DatasetFigures("events", "duckdb", 1, true, true, Optional.of(refreshed), 7, 10));
        assertEquals(1.0, dataset(registry, "dataset_load_state", "events"), "the next scrape sees the change");
        assertEquals(2.0, engine(registry, "duckdb"));
    }

    @Test
    void refreshesAreTimedByDatasetAndModeAndFailuresCounted() {
        Metrics metrics = new Metrics();
        metrics.refreshes().record("orders", "full", false, Duration.ofMillis(30));
        metrics.refreshes().record("orders", "append", true, Duration.ofMillis(12));
        CollectorRegistry r = metrics.registry();
        String[] byDatasetMode = {"dataset", "mode"};
        assertEquals(1.0, r.getSampleValue("dataset_acceleration_refresh_duration_ms_count", byDatasetMode,
                new String[] {"orders", "full"}));
        assertEquals(12.0, r.getSampleValue("dataset_acceleration_refresh_duration_ms_sum", byDatasetMode,
                new String[] {"orders", "append"}), 0.001);
        assertEquals(1.0, dataset(r, "dataset_acceleration_refresh_errors_total", "orders"));
    }

    @Test
    void pluginBundlesByStateAndPluginEvents() {
        Metrics metrics = new Metrics();
        CollectorRegistry r = metrics.registry();
        new BundleCollector(() -> List.of(bundle(1, "active"), bundle(2, "active"), bundle(3, "resolved")))
                .register(r);
        PluginRef ref = new PluginRef("connector", List.of("http"), new Object(), 7L, "connector-http", "0.1.0");
        metrics.pluginEvents().pluginAdded(ref);
        metrics.pluginEvents().pluginRemoved(ref);
        metrics.pluginEvents().pluginAdded(ref);
        assertEquals(2.0, r.getSampleValue("plugin_bundles", new String[] {"state"}, new String[] {"active"}));
        assertEquals(1.0, r.getSampleValue("plugin_bundles", new String[] {"state"}, new String[] {"resolved"}));
        assertEquals(2.0, r.getSampleValue("plugin_events_total", new String[] {"event"}, new String[] {"added"}));
        assertEquals(1.0, r.getSampleValue("plugin_events_total", new String[] {"event"}, new String[] {"removed"}));
    }

    @Test
    void theTextFormatHasAHelpLineForEveryFamilyAndTheJvmCollectors() throws Exception {
        Metrics metrics = new Metrics();
        metrics.queries().start(QueryMetrics.HTTP).failed();
        new DatasetCollector(() -> List.of(new DatasetFigures("orders", "duckdb", 1, true, true, Optional.empty(), 1, 1)))
                .register(metrics.registry());
        StringWriter text = new StringWriter();
        TextFormat.write004(text, metrics.registry().metricFamilySamples());
        String scrape = text.toString();

        Set<String> families = names(FAMILY.matcher(scrape));
        assertEquals(families, names(HELP.matcher(scrape)), "every family has a help text");
        for (String expected : List.of("query_executions_total", "query_failures_total", "query_duration_ms",
                "http_requests_total", "flight_requests_total", "dataset_load_state", "dataset_acceleration_refresh_errors_total",
                "plugin_events_total", "jvm_memory_bytes_used", "jvm_threads_current", "process_cpu_seconds_total")) {
            assertTrue(families.contains(expected), expected + " missing from:\n" + families);
        }
        assertTrue(scrape.contains("query_failures_total{protocol=\"http\",} 1.0"), scrape);
    }

    private static Set<String> names(Matcher m) {
        Set<String> out = new LinkedHashSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static BundleStatus bundle(long id, String state) {
        return new BundleStatus(id, "b" + id, "1.0.0", state, "b" + id + ".jar", List.of());
    }

    private static Double dataset(CollectorRegistry r, String name, String dataset) {
        return r.getSampleValue(name, new String[] {"dataset"}, new String[] {dataset});
    }

    private static Double engine(CollectorRegistry r, String engine) {
        return r.getSampleValue("dataset_active_count", new String[] {"engine"}, new String[] {engine});
    }
}

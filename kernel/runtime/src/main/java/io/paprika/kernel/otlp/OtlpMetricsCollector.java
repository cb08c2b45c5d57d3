package io.paprika.kernel.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The latest OTLP data point of each series, scraped as Prometheus samples. Gauges stay gauges;
 * cumulative monotonic sums become counters, other sums gauges of their latest value; histograms
 * (plain and exponential) and summaries show their count and sum as a summary (summaries with
 * their quantiles). Labels are the point's attributes plus {@code service_name} from the resource.
 * Series are bounded: past the limit new ones are dropped and counted, since a client sending
 * unbounded attribute values must not exhaust the runtime's memory.
 */
public final class OtlpMetricsCollector extends Collector {
    public static final int DEFAULT_MAX_SERIES = 10_000;
    /** OTLP's DataPointFlags.FLAG_NO_RECORDED_VALUE: the point only marks a series as gone. */
    private static final int NO_RECORDED_VALUE = 1;

    private final int maxSeries;
    private final Map<String, Family> families = new TreeMap<>();
    private int series;
    private final Map<String, Long> dropped = new TreeMap<>(Map.of("series_limit", 0L, "type_conflict", 0L));

    private record Family(Type type, String help, Map<SortedMap<String, String>, List<MetricFamilySamples.Sample>> series) {
    }

    public OtlpMetricsCollector(int maxSeries) {
        if (maxSeries < 1) {
            throw new IllegalArgumentException("maxSeries must be at least 1, was " + maxSeries);
        }
        this.maxSeries = maxSeries;
    }

    /** Takes in one export: every data point replaces the last one of its series. */
    public synchronized void accept(ExportMetricsServiceRequest request) {
        for (ResourceMetrics rm : request.getResourceMetricsList()) {
            Map<String, String> resource = new HashMap<>();
            rm.getResource().getAttributesList().stream().filter(kv -> kv.getKey().equals("service.name"))
                    .forEach(kv -> resource.put("service_name", PrometheusNaming.value(kv.getValue())));
            for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                sm.getMetricsList().forEach(m -> accept(m, resource));
            }
        }
    }

    private void accept(Metric m, Map<String, String> resource) {
        String name = PrometheusNaming.metric(m.getName());
        String help = m.getDescription().isEmpty() ? "OTLP metric " + m.getName() : m.getDescription();
        switch (m.getDataCase()) {
            case GAUGE -> m.getGauge().getDataPointsList().forEach(p -> number(name, Type.GAUGE, help, p, resource));
            case SUM -> {
                Sum s = m.getSum();
                boolean counter = s.getIsMonotonic()
                        && s.getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
                s.getDataPointsList().forEach(p -> number(name, counter ? Type.COUNTER : Type.GAUGE, help, p, resource));
            }
            case HISTOGRAM -> m.getHistogram().getDataPointsList().stream().filter(p -> recorded(p.getFlags()))
                    .forEach(p -> countAndSum(name, help, labels(p.getAttributesList(), resource), p.getCount(),
                            p.hasSum() ? p.getSum() : Double.NaN, List.of()));
            case EXPONENTIAL_HISTOGRAM -> m.getExponentialHistogram().getDataPointsList().stream()
                    .filter(p -> recorded(p.getFlags()))
                    .forEach(p -> countAndSum(name, help, labels(p.getAttributesList(), resource), p.getCount(),
                            p.hasSum() ? p.getSum() : Double.NaN, List.of()));
            case SUMMARY -> m.getSummary().getDataPointsList().stream().filter(p -> recorded(p.getFlags()))
                    .forEach(p -> countAndSum(name, help, labels(p.getAttributesList(), resource), p.getCount(),
                            p.getSum(), p.getQuantileValuesList()));
            case DATA_NOT_SET -> {
            }
        }
    }

    private void number(String name, Type type, String help, NumberDataPoint p, Map<String, String> resource) {
        if (!recorded(p.getFlags())) {
            return;
        }
        double value = p.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? p.getAsInt() : p.getAsDouble();
        // A counter's family is named without _total and its sample with it, as the text format has them.
        String family = type == Type.COUNTER && name.endsWith("_total") ? name.substring(0, name.length() - 6) : name;
        SortedMap<String, String> labels = labels(p.getAttributesList(), resource);
        String sample = type == Type.COUNTER ? family + "_total" : family;
        put(family, type, help, labels, List.of(sample(sample, labels, value)));
    }

    private void countAndSum(String name, String help, SortedMap<String, String> labels, long count, double sum,
            List<SummaryDataPoint.ValueAtQuantile> quantiles) {
        List<MetricFamilySamples.Sample> samples = new ArrayList<>();
        samples.add(sample(name + "_count", labels, count));
        if (!Double.isNaN(sum)) {
            samples.add(sample(name + "_sum", labels, sum));
        }
        for (SummaryDataPoint.ValueAtQuantile q : quantiles) {
            SortedMap<String, String> withQuantile = new TreeMap<>(labels);
            withQuantile.put("quantile", Collector.doubleToGoString(q.getQuantile()));
            samples.add(sample(name, withQuantile, q.getValue()));
        }
        put(name, Type.SUMMARY, help, labels, samples);
    }

    private void put(String family, Type type, String help, SortedMap<String, String> labels,
            List<MetricFamilySamples.Sample> samples) {
        Family f = families.get(family);
        if (f != null && f.type() != type) {
            dropped.merge("type_conflict", 1L, Long::sum); // one name, one type in the text format
            return;
        }
        boolean known = f != null && f.series().containsKey(labels);
        if (!known && series >= maxSeries) {
            dropped.merge("series_limit", 1L, Long::sum);
            return;
        }
        if (f == null) {
            f = new Family(type, help, new HashMap<>());
            families.put(family, f);
        }
        if (f.series().put(labels, samples) == null) {
            series++;
        }
    }

    private static boolean recorded(int flags) {
        return (flags & NO_RECORDED_VALUE) == 0;
    }

    /** Attributes as labels, sorted; keys that sanitise alike keep every value, joined by {@code ;}. */
    private static SortedMap<String, String> labels(List<KeyValue> attributes, Map<String, String> resource) {
        SortedMap<String, String> labels = new TreeMap<>();
        for (KeyValue kv : attributes) {
            labels.merge(PrometheusNaming.label(kv.getKey()), PrometheusNaming.value(kv.getValue()), (a, b) -> a + ";" + b);
        }
        resource.forEach(labels::putIfAbsent);
        return labels;
    }

    private static MetricFamilySamples.Sample sample(String name, SortedMap<String, String> labels, double value) {
        return new MetricFamilySamples.Sample(name, List.copyOf(labels.keySet()), List.copyOf(labels.values()), value);
    }

    @Override
    public synchronized List<MetricFamilySamples> collect() {
        List<MetricFamilySamples> out = new ArrayList<>();
        families.forEach((name, f) -> out.add(new MetricFamilySamples(name, f.type(), f.help(),
                f.series().values().stream().flatMap(List::stream).toList())));
        out.add(new MetricFamilySamples("otlp_receiver_series", Type.GAUGE,
                "Series held from OTLP metrics received on --open_telemetry",
                List.of(new MetricFamilySamples.Sample("otlp_receiver_series", List.of(), List.of(), series))));
        out.add(new MetricFamilySamples("otlp_receiver_dropped_data_points", Type.COUNTER,
                "OTLP data points not kept: series_limit past " + maxSeries + " series, type_conflict when a name"
                        + " arrives with another type",
                dropped.entrySet().stream().map(e -> new MetricFamilySamples.Sample("otlp_receiver_dropped_data_points_total",
                        List.of("reason"), List.of(e.getKey()), e.getValue())).toList()));
        return out;
    }
}

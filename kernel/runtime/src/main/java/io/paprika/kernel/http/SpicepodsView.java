package io.paprika.kernel.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.paprika.kernel.config.SecretMask;
import io.paprika.kernel.config.Spicepod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/spicepods}: the loaded spicepod as Spice lists it — name, version and how many
 * of each component it has — as JSON, or CSV with {@code ?format=csv}.  Holds no secret values.
 */
final class SpicepodsView {
    private final Spicepod pod;

    SpicepodsView(Spicepod pod) {
        this.pod = requireNonNull(pod, "pod");
    }

    /** The counts, then (JSON only) each dataset and view with secret values masked. */
    List<Map<String, Object>> detailed() {
        Map<String, Object> m = new LinkedHashMap<>(list().get(0));
        List<Map<String, Object>> datasets = new java.util.ArrayList<>();
        for (io.paprika.kernel.config.DatasetSpec d : pod.datasets()) {
            Map<String, Object> ds = new LinkedHashMap<>();
            ds.put("name", d.name());
            ds.put("from", SecretMask.mask(d.safeFrom()));
            Map<String, String> params = new java.util.TreeMap<>();
            d.params().values().forEach((k, v) -> params.put(k,
                    d.params().secretKeys().contains(k) ? "********" : SecretMask.mask(v)));
            ds.put("params", params);
            ds.put("acceleration_enabled", d.accelerationGiven() && d.acceleration().enabled());
            ds.put("engine", d.acceleration().engine());
            datasets.add(ds);
        }
        m.put("datasets", datasets);
        m.put("views", pod.views().stream().map(v -> Map.of("name", v.name(), "sql", v.sql())).toList());
        return List.of(m);
    }

    List<Map<String, Object>> list() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", pod.name());
        m.put("version", pod.version());
        m.put("datasets_count", pod.datasets().size());
        m.put("views_count", pod.views().size());
        m.put("models_count", 0);
        m.put("embeddings_count", 0);
        m.put("tools_count", 0);
        return List.of(m);
    }

    void handle(Context ctx) {
        if ("csv".equalsIgnoreCase(ctx.queryParam("format"))) {
            CsvRows.answer(ctx, list());
        } else {
            ctx.json(detailed());
        }
    }
}

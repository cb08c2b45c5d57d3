package io.paprika.kernel.http;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.config.DatasetSpec;
import io.paprika.kernel.config.SecretMask;
import io.paprika.kernel.dataset.Dataset;
import io.paprika.kernel.dataset.DatasetManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/datasets}: Spice's fields, plus load state and figures with {@code ?status=true}. */
final class DatasetsView {
    private final DatasetManager datasets;

    DatasetsView(DatasetManager datasets) {
        this.datasets = requireNonNull(datasets, "datasets");
    }

    List<Map<String, Object>> list(boolean withStatus) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Dataset d : datasets.all()) {
            DatasetSpec s = d.spec();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", SecretMask.mask(s.safeFrom()));
            m.put("name", s.name());
            m.put("replication_enabled", false);
            m.put("acceleration_enabled", s.accelerationGiven() && s.acceleration().enabled());
            m.put("engine", s.acceleration().engine());
            m.put("mode", s.acceleration().mode());
            m.put("status", d.status().label());
            d.message().ifPresent(msg -> m.put("message", SecretMask.mask(msg)));
            if (withStatus) {
                m.put("ready", d.servable());
                m.put("row_count", d.rowCount());
                m.put("size_bytes", d.sizeBytes());
                m.put("last_refresh_time", d.lastRefresh().map(Object::toString).orElse(null));
                m.put("last_refresh_duration_ms", d.lastRefreshDuration().map(x -> x.toMillis()).orElse(null));
                m.put("last_error", d.lastError().map(SecretMask::mask).orElse(null));
                m.put("next_attempt_time", d.nextAttempt().map(Object::toString).orElse(null));
                m.put("connector_bundle", d.connector().map(p -> p.bundle()).orElse(null));
                m.put("engine_bundle", d.accelerator().map(p -> p.bundle()).orElse(null));
            }
            out.add(m);
        }
        return out;
    }
}

package io.paprika.kernel.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
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
        CsvRows.answer(ctx, list());
    }
}

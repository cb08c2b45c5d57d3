package io.paprika.kernel.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.paprika.kernel.config.ConfigException;
import io.paprika.kernel.config.RefreshSql;
import io.paprika.kernel.dataset.Dataset;
import io.paprika.kernel.dataset.DatasetManager;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/datasets/{name}/acceleration/refresh}: starts a refresh now, optionally with a
 * {@code refresh_sql} (and {@code refresh_mode}) for that run only, as Spice's API does.
 */
final class RefreshApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BODY_FIELDS = Set.of("refresh_sql", "refresh_mode");

    private final DatasetManager datasets;

    RefreshApi(DatasetManager datasets) {
        this.datasets = requireNonNull(datasets, "datasets");
    }

    void handle(Context ctx) {
        String name = ctx.pathParam("name");
        Optional<Dataset> found = datasets.find(name);
        if (found.isEmpty()) {
            answer(ctx, 404, "dataset `" + name + "` not found; the datasets are: " + String.join(", ", datasets.names()));
            return;
        }
        Dataset d = found.get();
        if (!d.spec().accelerationGiven() || !d.spec().acceleration().enabled()) {
            answer(ctx, 400, "dataset `" + d.name() + "` is not accelerated: there is nothing to refresh");
            return;
        }
        Optional<RefreshSql> override;
        try {
            override = overrideOf(ctx.body(), d.name());
        } catch (IllegalArgumentException | ConfigException e) {
            answer(ctx, 400, e.getMessage());
            return;
        }
        datasets.requestLoad(d, override);
        answer(ctx, 201, "Dataset refresh triggered for " + d.name() + ".");
    }

    private static Optional<RefreshSql> overrideOf(String body, String dataset) throws ConfigException {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the body is not JSON; send {\"refresh_sql\": ..., \"refresh_mode\": ...} or nothing");
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object with refresh_sql and/or refresh_mode");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
            String field = it.next().getKey();
            if (!BODY_FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field `" + field + "`; accepted: refresh_sql, refresh_mode");
            }
        }
        JsonNode mode = json.get("refresh_mode");
        if (mode != null && !mode.isNull() && !"full".equals(mode.asText())) {
            throw new IllegalArgumentException("refresh_mode `" + mode.asText()
                    + "` is not supported by this runtime yet; use full");
        }
        JsonNode sql = json.get("refresh_sql");
        return sql == null || sql.isNull() ? Optional.empty() : Optional.of(RefreshSql.parse(sql.asText(), dataset));
    }

    private static void answer(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("message", message));
    }
}

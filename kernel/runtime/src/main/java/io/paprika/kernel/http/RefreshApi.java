package io.paprika.kernel.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.paprika.kernel.config.ConfigException;
import io.paprika.kernel.config.RefreshSql;
import io.paprika.kernel.dataset.Dataset;
import io.paprika.kernel.dataset.DatasetManager;
import io.paprika.kernel.dataset.RefreshOverride;
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
        RefreshOverride override;
        try {
            override = overrideOf(ctx.body(), d);
        } catch (IllegalArgumentException | ConfigException e) {
            answer(ctx, 400, e.getMessage());
            return;
        }
        datasets.requestLoad(d, override);
        answer(ctx, 201, "Dataset refresh triggered for " + d.name() + ".");
    }

    private static RefreshOverride overrideOf(String body, Dataset d) throws ConfigException {
        if (body == null || body.isBlank()) {
            return RefreshOverride.NONE;
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
        Optional<String> mode = text(json, "refresh_mode");
        if (mode.isPresent() && !Set.of("full", "append").contains(mode.get())) {
            throw new IllegalArgumentException("refresh_mode `" + mode.get() + "` is not valid; use full or append");
        }
        if (mode.equals(Optional.of("append")) && d.spec().timeColumn().isEmpty()) {
            throw new IllegalArgumentException("refresh_mode append needs the dataset's time_column");
        }
        Optional<String> sql = text(json, "refresh_sql");
        return new RefreshOverride(sql.isEmpty() ? Optional.empty() : Optional.of(RefreshSql.parse(sql.get(), d.name())),
                mode);
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static void answer(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("message", message));
    }
}

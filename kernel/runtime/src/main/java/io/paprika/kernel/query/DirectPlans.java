package io.paprika.kernel.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paprika.kernel.dataset.DatasetManager;
import io.paprika.kernel.plugin.PluginRef;
import java.util.Optional;

/**
 * Plans of queries that run whole in one engine, kept by SQL text: planning parses the query
 * twice (to resolve its tables and to translate it), which is most of a point lookup's cost. A
 * kept plan is used only while every dataset it reads is still served by the same engine; a load,
 * refresh or swap of the engine's bundle otherwise makes the query plan afresh.
 */
final class DirectPlans {
    private final Cache<String, QueryPlan.Direct> bySql = Caffeine.newBuilder().maximumSize(10_000).build();
    private final DatasetManager datasets;

    DirectPlans(DatasetManager datasets) {
        this.datasets = datasets;
    }

    /** The kept plan for {@code sql}, if it still holds. */
    Optional<QueryPlan.Direct> find(String sql) {
        QueryPlan.Direct plan = bySql.getIfPresent(sql);
        if (plan == null) {
            return Optional.empty();
        }
        long engine = plan.engine().serviceId();
        for (String name : plan.datasets()) {
            Optional<PluginRef> in = datasets.find(name).flatMap(d -> d.queryableIn());
            if (in.isEmpty() || in.get().serviceId() != engine) {
                bySql.invalidate(sql);
                return Optional.empty();
            }
        }
        return Optional.of(plan);
    }

    /** Keeps a plan that reads datasets (one naming none runs in whichever engine is there). */
    void keep(String sql, QueryPlan.Direct plan) {
        if (!plan.datasets().isEmpty()) {
            bySql.put(sql, plan);
        }
    }
}

package io.paprika.kernel.query;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.plugin.PluginRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How a query runs: whole in one engine, or in the federating engine over inputs from elsewhere. */
sealed interface QueryPlan {

    /** The datasets the query reads (views expanded), as named in the spicepod. */
    Set<String> datasets();

    /** EXPLAIN rows: (plan_type, plan). */
    List<String[]> explain();

    /** Every dataset lives in {@code engine}: the query, translated, runs there whole. */
    record Direct(PluginRef engine, String sql, Set<String> datasets) implements QueryPlan {
        public Direct {
            requireNonNull(engine, "engine");
            requireNonNull(sql, "sql");
            datasets = Set.copyOf(datasets);
        }

        @Override
        public List<String[]> explain() {
            return List.of(new String[] {"engine", engineName(engine)}, new String[] {"engine_sql", sql});
        }
    }

    /**
     * The query runs in {@code engine}, which reads its own datasets in place and the
     * {@code inputs} as Arrow batches moved from other engines, sources and the catalog.
     */
    record Federated(PluginRef engine, String sql, List<FederatedInput> inputs, List<String> inPlace,
            Set<String> datasets, String reason) implements QueryPlan {
        public Federated {
            requireNonNull(engine, "engine");
            requireNonNull(sql, "sql");
            inputs = List.copyOf(inputs);
            inPlace = List.copyOf(inPlace);
            datasets = Set.copyOf(datasets);
            requireNonNull(reason, "reason");
        }

        @Override
        public List<String[]> explain() {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"engine", engineName(engine) + " (federated: " + reason + ")"});
            rows.add(new String[] {"engine_sql", sql});
            for (String name : inPlace) {
                rows.add(new String[] {"table", name + " in engine " + engineName(engine) + " (read in place)"});
            }
            for (FederatedInput input : inputs) {
                rows.add(new String[] {"input", input.explain()});
            }
            return rows;
        }
    }

    static String engineName(PluginRef engine) {
        return engine.names().isEmpty() ? "?" : engine.names().get(0);
    }
}

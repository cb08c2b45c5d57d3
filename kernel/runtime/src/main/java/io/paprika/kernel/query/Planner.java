package io.paprika.kernel.query;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.dataset.Dataset;
import io.paprika.kernel.dataset.DatasetManager;
import io.paprika.kernel.dataset.DatasetStatus;
import io.paprika.kernel.plugin.PluginRef;
import io.paprika.kernel.plugin.PluginRegistry;
import io.paprika.kernel.query.catalog.CatalogTables;
import io.paprika.kernel.query.dialect.Dialects;
import io.paprika.kernel.query.plan.Pushdown;
import io.paprika.kernel.query.plan.Scan;
import io.paprika.kernel.query.plan.SqlAnalysis;
import io.paprika.spi.Accelerator;
import io.paprika.spi.FederatingAccelerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Decides where a query runs. When one engine holds every dataset it names, the query runs there
 * whole; otherwise (datasets in several engines, datasets read at their source, the catalog, or a
 * query the engine could not run) it runs in the federating engine, with each other table's
 * columns, filters and limit pushed to where its rows live.
 */
final class Planner {
    static final String FEDERATOR = "duckdb";

    private final DatasetManager datasets;
    private final PluginRegistry plugins;
    private final Views views;
    private final CatalogTables catalog;
    private final DirectPlans directPlans;

    Planner(DatasetManager datasets, PluginRegistry plugins, Views views, CatalogTables catalog) {
        this.datasets = requireNonNull(datasets, "datasets");
        this.plugins = requireNonNull(plugins, "plugins");
        this.views = requireNonNull(views, "views");
        this.catalog = requireNonNull(catalog, "catalog");
        this.directPlans = new DirectPlans(datasets);
    }

    /** The datasets a query reads, views expanded; from its kept plan when there is one (no parse). */
    Set<String> datasetsRead(ParsedQuery query) throws QueryException {
        Optional<QueryPlan.Direct> kept = directPlans.find(query.sql());
        return kept.isPresent() ? kept.get().datasets() : resolve(query).datasets.keySet();
    }

    QueryPlan plan(ParsedQuery query, boolean federate, BufferAllocator allocator) throws QueryException {
        if (!federate) {
            Optional<QueryPlan.Direct> kept = directPlans.find(query.sql());
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        Resolved r = resolve(query);
        String sql = r.changed ? r.statement.toString() : query.sql();
        Set<Long> engines = new LinkedHashSet<>();
        boolean atSource = false;
        for (Dataset d : r.datasets.values()) {
            Optional<PluginRef> in = d.queryableIn();
            if (in.isPresent()) {
                engines.add(in.get().serviceId());
            } else if (d.answersAtSource()) {
                atSource = true;
            } else {
                throw new QueryException(QueryException.Kind.UNAVAILABLE, notReady(d));
            }
        }
        if (!federate && !atSource && r.catalogTables.isEmpty() && engines.size() <= 1) {
            PluginRef engine = r.datasets.isEmpty() ? anyEngine() : r.datasets.values().iterator().next().queryableIn().get();
            QueryPlan.Direct direct = new QueryPlan.Direct(engine,
                    Dialects.translate(sql, ((Accelerator) engine.service()).dialect()), names(r));
            directPlans.keep(query.sql(), direct);
            return direct;
        }
        String reason = federate ? "the single engine could not run it"
                : atSource ? "a dataset is read at its source"
                : !r.catalogTables.isEmpty() ? "it reads information_schema" : "its datasets live in different engines";
        PluginRef federator = federator(reason);
        Pushdown pushdown = Pushdown.of(r.statement, t -> datasetOf(t, r), name -> columnsOf(r, name, allocator),
                r.references);
        List<FederatedInput> inputs = new ArrayList<>();
        List<String> inPlace = new ArrayList<>();
        for (Map.Entry<String, Dataset> e : r.datasets.entrySet()) {
            Dataset d = e.getValue();
            Optional<PluginRef> in = d.queryableIn();
            if (in.isPresent() && in.get().serviceId() == federator.serviceId()) {
                inPlace.add(d.name());
                continue;
            }
            Scan scan = new Scan(d.name(), columnsNeeded(r, e.getKey(), allocator),
                    pushdown.filters().getOrDefault(e.getKey(), List.of()),
                    r.datasets.size() == 1 ? pushdown.limit() : OptionalLong.empty());
            inputs.add(in.isPresent() ? new EngineScan(d.name(), in.get(), scan) : new SourceScan(datasets, d, scan));
        }
        for (String table : r.catalogTables) {
            inputs.add(new CatalogInput(table, catalog));
        }
        String federatedSql = Dialects.translate(sql, ((Accelerator) federator.service()).dialect());
        return new QueryPlan.Federated(federator, federatedSql, inputs, inPlace, names(r), reason);
    }

    /** True when a federating engine is installed to fall back on. */
    boolean canFederate() {
        return plugins.accelerator(FEDERATOR).map(r -> r.service() instanceof FederatingAccelerator).orElse(false);
    }

    private PluginRef federator(String reason) throws QueryException {
        Optional<PluginRef> ref = plugins.accelerator(FEDERATOR);
        if (ref.isEmpty() || !(ref.get().service() instanceof FederatingAccelerator)) {
            throw new QueryException(QueryException.Kind.UNAVAILABLE, "this query needs the federating engine `"
                    + FEDERATOR + "` because " + reason + ", and it is not installed (drop the accel-duckdb bundle "
                    + "into plugins/)");
        }
        return ref.get();
    }

    /** Names every table: a dataset, a view (expanded first), or an information_schema table. */
    private Resolved resolve(ParsedQuery query) throws QueryException {
        // A fresh tree: resolving renames tables in place, and a query may be planned twice.
        Statement statement;
        try {
            statement = SqlParser.parse(query.sql());
        } catch (JSQLParserException e) {
            throw new QueryException(QueryException.Kind.INVALID_ARGUMENT, "SQL error: " + e.getMessage(), e);
        }
        SqlAnalysis analysis = SqlAnalysis.of(statement);
        Statement expanded = views.expand(statement, analysis);
        Resolved r = new Resolved();
        r.changed = expanded != statement;
        if (r.changed) {
            analysis = SqlAnalysis.of(expanded);
        }
        r.statement = expanded;
        for (Table t : analysis.tables()) {
            String name = SqlAnalysis.unquoted(t.getName());
            String schema = t.getSchemaName() == null ? null : SqlAnalysis.unquoted(t.getSchemaName()).toLowerCase(Locale.ROOT);
            if ("information_schema".equals(schema)) {
                String table = name.toLowerCase(Locale.ROOT);
                if (!CatalogTables.INFORMATION_SCHEMA.contains(table)) {
                    throw new QueryException(QueryException.Kind.NOT_FOUND, "table `information_schema." + name
                            + "` not found; information_schema has: " + String.join(", ", CatalogTables.INFORMATION_SCHEMA));
                }
                if (t.getAlias() == null) {
                    // Quoted: `tables` and `columns` are keywords to some parsers.
                    t.setAlias(new net.sf.jsqlparser.expression.Alias('"' + name + '"', false));
                }
                t.setSchemaName(null);
                t.setName(CatalogInput.PREFIX + table);
                r.catalogTables.add(table);
                r.changed = true;
                continue;
            }
            String database = t.getDatabaseName() == null ? null : SqlAnalysis.unquoted(t.getDatabaseName());
            if (schema != null && !"public".equals(schema) || database != null && !"spice".equalsIgnoreCase(database)) {
                throw new QueryException(QueryException.Kind.NOT_FOUND, "table `" + t.getFullyQualifiedName()
                        + "` not found; datasets and views are in spice.public: " + String.join(", ", tableNames()));
            }
            Dataset d = datasets.find(name).orElseThrow(() -> new QueryException(QueryException.Kind.NOT_FOUND,
                    "table `" + name + "` not found; the tables are: " + String.join(", ", tableNames())));
            if (schema != null) {
                // spice.public.x and public.x name the dataset; engines know it by its bare name.
                t.setSchemaName(null);
                t.setDatabaseName(null);
                r.changed = true;
            }
            String key = d.name().toLowerCase(Locale.ROOT);
            r.datasets.put(key, d);
            r.references.merge(key, 1, Integer::sum);
        }
        return r;
    }

    private List<String> tableNames() {
        List<String> out = new ArrayList<>(datasets.names());
        views.all().forEach(v -> out.add(v.name()));
        return out;
    }

    private Optional<String> datasetOf(Table t, Resolved r) {
        String key = SqlAnalysis.unquoted(t.getName()).toLowerCase(Locale.ROOT);
        return r.datasets.containsKey(key) ? Optional.of(key) : Optional.empty();
    }

    private Optional<Set<String>> columnsOf(Resolved r, String key, BufferAllocator allocator) {
        return schemaOf(r, key, allocator).map(s -> {
            Set<String> out = new LinkedHashSet<>();
            s.getFields().forEach(f -> out.add(f.getName().toLowerCase(Locale.ROOT)));
            return out;
        });
    }

    /** The columns the query may need from a dataset; empty (every column) when that is not known. */
    private List<String> columnsNeeded(Resolved r, String key, BufferAllocator allocator) {
        Optional<Schema> schema = schemaOf(r, key, allocator);
        if (schema.isEmpty() || r.analysis().selectsStar()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Field f : schema.get().getFields()) {
            if (r.analysis().columns().contains(f.getName().toLowerCase(Locale.ROOT))) {
                out.add(f.getName());
            }
        }
        if (out.isEmpty() && !schema.get().getFields().isEmpty()) {
            // count(*) and the like still need the rows: one column carries them.
            out.add(schema.get().getFields().get(0).getName());
        }
        return out.size() == schema.get().getFields().size() ? List.of() : out;
    }

    private Optional<Schema> schemaOf(Resolved r, String key, BufferAllocator allocator) {
        return r.schemas.computeIfAbsent(key, k -> {
            Dataset d = r.datasets.get(k);
            Optional<PluginRef> in = d.queryableIn();
            if (in.isEmpty()) {
                return d.sourceSchema();
            }
            Accelerator a = (Accelerator) in.get().service();
            try {
                String all = "SELECT * FROM \"" + d.name().replace("\"", "\"\"") + "\"";
                return Optional.of(a.describe(Dialects.translate(all, a.dialect()), allocator).result());
            } catch (Exception e) {
                return Optional.empty();
            }
        });
    }

    private static Set<String> names(Resolved r) {
        Set<String> out = new LinkedHashSet<>();
        r.datasets.values().forEach(d -> out.add(d.name()));
        return out;
    }

    /** A query naming no dataset (such as {@code SELECT 1}) runs in any installed engine. */
    private PluginRef anyEngine() throws QueryException {
        for (String preferred : List.of("arrow", FEDERATOR)) {
            Optional<PluginRef> e = plugins.accelerator(preferred);
            if (e.isPresent()) {
                return e.get();
            }
        }
        return plugins.engines().stream().findFirst().flatMap(plugins::accelerator).orElseThrow(
                () -> new QueryException(QueryException.Kind.UNAVAILABLE, "no engine is installed to run the query "
                        + "(drop an accelerator bundle into plugins/)"));
    }

    static String notReady(Dataset d) {
        String why = d.message().map(m -> ": " + m).orElse("");
        if (d.status() == DatasetStatus.INITIALIZING || d.status() == DatasetStatus.REFRESHING) {
            return "dataset `" + d.name() + "` is still loading" + why + "; try again shortly";
        }
        return "dataset `" + d.name() + "` is not available (" + d.status().label() + ")" + why;
    }

    /** A query's tables, resolved; the statement is rewritten in place where names changed. */
    private static final class Resolved {
        Statement statement;
        boolean changed;
        final Map<String, Dataset> datasets = new LinkedHashMap<>();
        final Map<String, Integer> references = new LinkedHashMap<>();
        final Set<String> catalogTables = new LinkedHashSet<>();
        final Map<String, Optional<Schema>> schemas = new LinkedHashMap<>();
        private SqlAnalysis analysis;

        SqlAnalysis analysis() {
            if (analysis == null) {
                analysis = SqlAnalysis.of(statement);
            }
            return analysis;
        }
    }
}

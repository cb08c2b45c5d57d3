package io.paprika.kernel.query;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.dataset.DatasetManager;
import io.paprika.kernel.plugin.PluginListener;
import io.paprika.kernel.plugin.PluginRef;
import io.paprika.kernel.plugin.PluginRegistry;
import io.paprika.kernel.query.catalog.CatalogTables;
import io.paprika.kernel.query.catalog.RowsStream;
import io.paprika.kernel.query.catalog.TableCatalog;
import io.paprika.spi.Accelerator;
import io.paprika.spi.ArrowStream;
import io.paprika.spi.FederatingAccelerator;
import io.paprika.spi.QueryShape;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs SQL: parses it, plans where it runs ({@link Planner}), and streams Arrow batches back.
 * EXPLAIN, SHOW TABLES and DESCRIBE are answered from the plan and the catalog.
 */
public final class QueryService implements PluginListener {
    private static final Logger LOG = LoggerFactory.getLogger(QueryService.class);
    private static final Schema EXPLAIN = new Schema(List.of(
            new Field("plan_type", FieldType.nullable(new ArrowType.Utf8()), null),
            new Field("plan", FieldType.nullable(new ArrowType.Utf8()), null)));

    private final DatasetManager datasets;
    private final Planner planner;
    private final TableCatalog catalog;
    private final CatalogTables catalogTables;
    private final BufferAllocator metadataAllocator;
    /** Queries between their start and the close of their result stream. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    /** Streams now open, by the service id of the engine producing them. */
    private final Map<AbortableReader, Long> running = new ConcurrentHashMap<>();

    public QueryService(DatasetManager datasets, PluginRegistry plugins, Views views, BufferAllocator allocator) {
        this.datasets = requireNonNull(datasets, "datasets");
        requireNonNull(plugins, "plugins");
        this.metadataAllocator = requireNonNull(allocator, "allocator");
        this.catalog = new TableCatalog(datasets, views, this::describeTable);
        this.catalogTables = new CatalogTables(catalog);
        this.planner = new Planner(datasets, plugins, views, catalogTables);
    }

    /** Every table a query can name, as metadata calls list them. */
    public TableCatalog catalog() {
        return catalog;
    }

    /** Runs the query; the caller closes the stream. Batches are allocated from {@code allocator}. */
    public ArrowStream execute(String sql, BufferAllocator allocator) throws QueryException {
        return execute(sql, List.of(), allocator);
    }

    /** Runs the query with its {@code ?} parameters bound in order; the caller closes the stream. */
    public ArrowStream execute(String sql, List<Object> parameters, BufferAllocator allocator) throws QueryException {
        // Counted from now until its stream is closed, so a shutdown waits for it.
        inFlight.incrementAndGet();
        try {
            ArrowStream out = dispatch(sql, parameters, allocator);
            return new ArrowStream(new io.paprika.spi.ReaderView(out.reader()), out, inFlight::decrementAndGet);
        } catch (QueryException | java.io.IOException | RuntimeException e) {
            inFlight.decrementAndGet();
            if (e instanceof QueryException q) {
                throw q;
            }
            throw new QueryException(QueryException.Kind.INTERNAL, "the engine failed: " + e, e);
        }
    }

    private ArrowStream dispatch(String sql, List<Object> parameters, BufferAllocator allocator) throws QueryException {
        ParsedQuery query = ParsedQuery.parse(sql);
        switch (query.kind()) {
            case SHOW_TABLES:
                return answer(() -> catalogTables.showTables(allocator));
            case DESCRIBE:
                return describeStatement(query.described().get(), allocator);
            case EXPLAIN:
                QueryPlan plan = explainPlan(query.explained().get(), allocator);
                return answer(() -> RowsStream.of(EXPLAIN, new ArrayList<>(plan.explain().stream()
                        .map(r -> (Object[]) r).toList()), allocator));
            default:
                return run(query, parameters, allocator);
        }
    }

    /** The plan a query runs by: federated when its one engine cannot even take it (an untranslatable function). */
    private QueryPlan explainPlan(ParsedQuery query, BufferAllocator allocator) throws QueryException {
        return withFallback(query, allocator, plan -> plan);
    }

    /** True for a query over data; false for EXPLAIN, SHOW TABLES and DESCRIBE, answered from metadata. */
    public boolean readsData(String sql) throws QueryException {
        return ParsedQuery.parse(sql).kind() == ParsedQuery.Kind.QUERY;
    }

    /** The datasets a query reads (through views too), as named in the spicepod; for caching. */
    public Set<String> datasetsRead(String sql) throws QueryException {
        ParsedQuery query = ParsedQuery.parse(sql);
        return query.kind() == ParsedQuery.Kind.QUERY ? planner.datasetsRead(query) : Set.of();
    }

    private ArrowStream run(ParsedQuery query, List<Object> parameters, BufferAllocator allocator) throws QueryException {
        return withFallback(query, allocator, plan -> plan instanceof QueryPlan.Direct direct
                ? runDirect(direct, parameters, allocator)
                : runFederated((QueryPlan.Federated) plan, parameters, allocator));
    }

    /** What runs (or describes) a query by one plan. */
    private interface PlanAction<T> {
        T apply(QueryPlan plan) throws QueryException;
    }

    /**
     * Applies {@code action} to the query's plan; when its one engine cannot take the query (a
     * function it lacks, syntax it does not know), applies it again to the query run above that
     * engine, in the federating engine.
     */
    private <T> T withFallback(ParsedQuery query, BufferAllocator allocator, PlanAction<T> action)
            throws QueryException {
        QueryPlan plan = null;
        try {
            plan = planner.plan(query, false, allocator);
            return action.apply(plan);
        } catch (QueryException e) {
            boolean engineFailed = plan == null || plan instanceof QueryPlan.Direct d
                    && !Planner.FEDERATOR.equals(QueryPlan.engineName(d.engine()));
            if (e.kind() != QueryException.Kind.INVALID_ARGUMENT || !engineFailed || !planner.canFederate()) {
                throw e;
            }
            LOG.debug("the engine could not take the query ({}); running it federated", e.getMessage());
            try {
                return action.apply(planner.plan(query, true, allocator));
            } catch (QueryException again) {
                // A query the engine ran and rejected (a misspelt column) keeps the engine's own message.
                QueryException reported = plan == null ? again : e;
                reported.addSuppressed(plan == null ? e : again);
                throw reported;
            }
        }
    }

    private ArrowStream runDirect(QueryPlan.Direct plan, List<Object> parameters, BufferAllocator allocator)
            throws QueryException {
        try {
            ArrowStream stream = ((Accelerator) plan.engine().service()).query(plan.sql(), parameters, allocator);
            return tracked(stream, plan.engine());
        } catch (SQLException e) {
            throw sqlError(e);
        } catch (RuntimeException e) {
            throw new QueryException(QueryException.Kind.INTERNAL, "the engine failed: " + e, e);
        }
    }

    private ArrowStream runFederated(QueryPlan.Federated plan, List<Object> parameters, BufferAllocator allocator)
            throws QueryException {
        Map<String, ArrowStream> inputs = new LinkedHashMap<>();
        try {
            for (FederatedInput input : plan.inputs()) {
                inputs.put(input.name(), input.open(allocator));
            }
            ArrowStream stream = ((FederatingAccelerator) plan.engine().service()).federate(plan.sql(), parameters,
                    inputs, allocator);
            return tracked(stream, plan.engine());
        } catch (SQLException e) {
            throw sqlError(e);
        } catch (RuntimeException e) {
            throw new QueryException(QueryException.Kind.INTERNAL, "the engine failed: " + e, e);
        } finally {
            // The federating engine has copied its inputs; they are done with either way.
            inputs.values().forEach(QueryService::closeQuietly);
        }
    }

    private ArrowStream tracked(ArrowStream stream, PluginRef engine) throws QueryException {
        try {
            AbortableReader reader = new AbortableReader(stream.reader());
            running.put(reader, engine.serviceId());
            return new ArrowStream(reader, stream, () -> running.remove(reader));
        } catch (IOException e) {
            closeQuietly(stream);
            throw new QueryException(QueryException.Kind.INTERNAL, "the engine failed: " + e.getMessage(), e);
        }
    }

    /** The query's result and parameter schemas, from the engine's plan; nothing is run. */
    public QueryShape describe(String sql, BufferAllocator allocator) throws QueryException {
        ParsedQuery query = ParsedQuery.parse(sql);
        if (query.kind() != ParsedQuery.Kind.QUERY) {
            try (ArrowStream answer = execute(sql, allocator)) {
                return new QueryShape(answer.reader().getVectorSchemaRoot().getSchema(), new Schema(List.of()));
            } catch (QueryException e) {
                throw e;
            } catch (Exception e) {
                throw new QueryException(QueryException.Kind.INTERNAL, "describing the statement failed: " + e, e);
            }
        }
        return withFallback(query, allocator, plan -> shapeOf(plan, allocator));
    }

    private QueryShape shapeOf(QueryPlan plan, BufferAllocator allocator) throws QueryException {
        try {
            if (plan instanceof QueryPlan.Direct direct) {
                return ((Accelerator) direct.engine().service()).describe(direct.sql(), allocator);
            }
            QueryPlan.Federated federated = (QueryPlan.Federated) plan;
            Map<String, Schema> shapes = new LinkedHashMap<>();
            for (FederatedInput input : federated.inputs()) {
                shapes.put(input.name(), input.schema(allocator));
            }
            return ((FederatingAccelerator) federated.engine().service()).describeFederated(federated.sql(), shapes,
                    allocator);
        } catch (SQLException e) {
            throw sqlError(e);
        } catch (RuntimeException e) {
            throw new QueryException(QueryException.Kind.INTERNAL, "the engine failed: " + e, e);
        }
    }

    private ArrowStream describeStatement(String table, BufferAllocator allocator) throws QueryException {
        Optional<ArrowStream> out;
        try {
            out = catalogTables.describe(table, allocator);
        } catch (IOException e) {
            throw new QueryException(QueryException.Kind.INTERNAL, "DESCRIBE failed: " + e.getMessage(), e);
        }
        if (out.isPresent()) {
            return out.get();
        }
        if (catalog.find(table).isEmpty()) {
            throw new QueryException(QueryException.Kind.NOT_FOUND, "table `" + table + "` not found; the tables are: "
                    + String.join(", ", catalog.names()));
        }
        // Known but not describable yet: say why, as a query of it would.
        execute("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\" LIMIT 0", allocator);
        throw new QueryException(QueryException.Kind.UNAVAILABLE, "table `" + table + "` cannot be described yet");
    }

    /** A table's columns, planning {@code SELECT *} over it; empty when it cannot be queried now. */
    private Optional<Schema> describeTable(String table) {
        try {
            return Optional.of(describe("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"", metadataAllocator)
                    .result());
        } catch (QueryException e) {
            return Optional.empty();
        }
    }

    private interface Answer {
        ArrowStream get() throws IOException;
    }

    private static ArrowStream answer(Answer answer) throws QueryException {
        try {
            return answer.get();
        } catch (IOException e) {
            throw new QueryException(QueryException.Kind.INTERNAL, "building the answer failed: " + e.getMessage(), e);
        }
    }

    private static QueryException sqlError(SQLException e) {
        return new QueryException(QueryException.Kind.INVALID_ARGUMENT, "SQL error: " + e.getMessage(), e);
    }

    /** Queries streaming from an engine that goes away end with this reason at their next batch. */
    @Override
    public void pluginRemoved(PluginRef plugin) {
        if (!"accelerator".equals(plugin.kind())) {
            return;
        }
        running.forEach((reader, engineId) -> {
            if (engineId == plugin.serviceId()) {
                reader.abort("engine `" + String.join("`/`", plugin.names()) + "` (bundle " + plugin.bundle()
                        + ") was removed while the query ran; run it again once the engine is back");
            }
        });
    }

    @Override
    public void pluginAdded(PluginRef plugin) {
    }

    /**
     * Waits until no result stream is open, or {@code grace} has passed.
     *
     * @return true when every running query finished
     */
    public boolean awaitIdle(java.time.Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Queries started and not yet closed (for shutdown, tests and status). */
    public int runningCount() {
        return inFlight.get();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already failing, or done: the first error is the one reported
            }
        }
    }
}

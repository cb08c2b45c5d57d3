package io.paprika.kernel.query;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.dataset.Dataset;
import io.paprika.kernel.dataset.DatasetManager;
import io.paprika.kernel.dataset.DatasetStatus;
import io.paprika.kernel.plugin.PluginListener;
import io.paprika.kernel.plugin.PluginRef;
import io.paprika.kernel.plugin.PluginRegistry;
import io.paprika.kernel.query.dialect.Dialects;
import io.paprika.spi.Accelerator;
import io.paprika.spi.ArrowStream;
import io.paprika.spi.QueryShape;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs SQL: finds the datasets a query names, checks they are ready, and runs the whole query in
 * the one engine that holds them, streaming Arrow batches back.
 */
public final class QueryService implements PluginListener {
    private final DatasetManager datasets;
    private final PluginRegistry plugins;
    /** Streams now open, by the service id of the engine producing them. */
    private final Map<AbortableReader, Long> running = new ConcurrentHashMap<>();

    public QueryService(DatasetManager datasets, PluginRegistry plugins) {
        this.datasets = requireNonNull(datasets, "datasets");
        this.plugins = requireNonNull(plugins, "plugins");
    }

    /** Runs the query; the caller closes the stream. Batches are allocated from {@code allocator}. */
    public ArrowStream execute(String sql, BufferAllocator allocator) throws QueryException {
        return execute(sql, List.of(), allocator);
    }

    /** Runs the query with its {@code ?} parameters bound in order; the caller closes the stream. */
    public ArrowStream execute(String sql, List<Object> parameters, BufferAllocator allocator) throws QueryException {
        PluginRef ref = engineFor(sql);
        ArrowStream stream = null;
        try {
            stream = ((Accelerator) ref.service()).query(
                    Dialects.translate(sql, ((Accelerator) ref.service()).dialect()), parameters, allocator);
            AbortableReader reader = new AbortableReader(stream.reader());
            running.put(reader, ref.serviceId());
            return new ArrowStream(reader, stream, () -> running.remove(reader));
        } catch (java.io.IOException e) {
            closeQuietly(stream);
            throw new QueryException(QueryException.Kind.INTERNAL, "the engine failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw sqlError(e);
        } catch (RuntimeException e) {
            throw new QueryException(QueryException.Kind.INTERNAL, "the engine failed: " + e, e);
        }
    }

    /** The query's result and parameter schemas, from the engine's plan; nothing is run. */
    public QueryShape describe(String sql, BufferAllocator allocator) throws QueryException {
        Accelerator engine = (Accelerator) engineFor(sql).service();
        try {
            return engine.describe(Dialects.translate(sql, engine.dialect()), allocator);
        } catch (SQLException e) {
            throw sqlError(e);
        } catch (RuntimeException e) {
            throw new QueryException(QueryException.Kind.INTERNAL, "the engine failed: " + e, e);
        }
    }

    private static QueryException sqlError(SQLException e) {
        return new QueryException(QueryException.Kind.INVALID_ARGUMENT, "SQL error: " + e.getMessage(), e);
    }

    /** The one engine holding every dataset the query names, after checking they can be queried. */
    private PluginRef engineFor(String sql) throws QueryException {
        if (sql == null || sql.isBlank()) {
            throw new QueryException(QueryException.Kind.INVALID_ARGUMENT, "the query is empty; send SQL as the request body");
        }
        Set<String> tables = TableReferences.of(sql);
        Map<Long, PluginRef> engines = new LinkedHashMap<>();
        Map<String, String> engineOf = new LinkedHashMap<>();
        for (String table : tables) {
            Dataset d = datasets.find(table).orElseThrow(() -> new QueryException(QueryException.Kind.NOT_FOUND,
                    "table `" + table + "` not found; the datasets are: " + String.join(", ", datasets.names())));
            Optional<PluginRef> engine = d.queryableIn();
            if (engine.isEmpty()) {
                throw new QueryException(QueryException.Kind.UNAVAILABLE, notReady(d));
            }
            engines.put(engine.get().serviceId(), engine.get());
            engineOf.put(d.name(), d.engine());
        }
        if (engines.size() > 1) {
            throw new QueryException(QueryException.Kind.INVALID_ARGUMENT, "the query joins datasets held in different "
                    + "engines " + engineOf + "; a query runs whole in one engine, so accelerate them in the same engine");
        }
        return engines.isEmpty() ? anyEngine() : engines.values().iterator().next();
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

    /** Open result streams (for tests and status). */
    public int runningCount() {
        return running.size();
    }

    private static void closeQuietly(ArrowStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (Exception ignored) {
                // already failing; the first error is the one reported
            }
        }
    }

    private static String notReady(Dataset d) {
        String why = d.message().map(m -> ": " + m).orElse("");
        if (d.status() == DatasetStatus.INITIALIZING || d.status() == DatasetStatus.REFRESHING) {
            return "dataset `" + d.name() + "` is still loading" + why + "; try again shortly";
        }
        return "dataset `" + d.name() + "` is not available (" + d.status().label() + ")" + why;
    }

    /** A query naming no dataset (such as {@code SELECT 1}) runs in any installed engine. */
    private PluginRef anyEngine() throws QueryException {
        for (String preferred : List.of("arrow", "duckdb")) {
            Optional<PluginRef> e = plugins.accelerator(preferred);
            if (e.isPresent()) {
                return e.get();
            }
        }
        return plugins.engines().stream().findFirst().flatMap(plugins::accelerator).orElseThrow(
                () -> new QueryException(QueryException.Kind.UNAVAILABLE, "no engine is installed to run the query "
                        + "(drop an accelerator bundle into plugins/)"));
    }
}

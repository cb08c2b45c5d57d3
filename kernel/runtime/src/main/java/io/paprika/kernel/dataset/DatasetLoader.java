package io.paprika.kernel.dataset;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.config.AccelerationSpec;
import io.paprika.kernel.config.DatasetSpec;
import io.paprika.kernel.config.Durations;
import io.paprika.kernel.config.RefreshSql;
import io.paprika.kernel.plugin.PluginRef;
import io.paprika.kernel.plugin.PluginRegistry;
import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import io.paprika.spi.Accelerator;
import io.paprika.spi.ArrowStream;
import io.paprika.spi.Connector;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.ScanRequest;
import io.paprika.spi.ScanResult;
import io.paprika.spi.SourceSpec;
import io.paprika.spi.SourceTable;
import io.paprika.spi.TableSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One load of one dataset: bind to the plugins, scan the source, replace the table, record. */
final class DatasetLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetLoader.class);

    private final PluginRegistry plugins;
    private final BufferAllocator allocator;
    private final Path dataDir;
    private final Path spicepodDir;
    private final RefreshHistory history;
    private final java.time.Clock clock;

    DatasetLoader(PluginRegistry plugins, BufferAllocator allocator, Path dataDir, Path spicepodDir,
            java.time.Clock clock) {
        this.clock = requireNonNull(clock, "clock");
        this.plugins = requireNonNull(plugins, "plugins");
        this.allocator = requireNonNull(allocator, "allocator");
        this.dataDir = requireNonNull(dataDir, "dataDir");
        this.spicepodDir = requireNonNull(spicepodDir, "spicepodDir");
        this.history = new RefreshHistory(dataDir);
    }

    /** An unknown connector or engine param, if the plugins are installed and one is found. */
    Optional<String> paramProblem(Dataset d) {
        DatasetSpec s = d.spec();
        Optional<PluginRef> c = plugins.connector(s.scheme());
        if (c.isPresent()) {
            Optional<String> p = ParamCheck.unknown(s.params(), ((Connector) c.get().service()).params(), "params",
                    "connector `" + s.scheme() + "`");
            if (p.isPresent()) {
                return p;
            }
        }
        Optional<PluginRef> a = plugins.accelerator(s.acceleration().engine());
        if (a.isPresent()) {
            return ParamCheck.unknown(s.acceleration().params(), ((Accelerator) a.get().service()).params(),
                    "acceleration.params", "engine `" + s.acceleration().engine() + "`");
        }
        return Optional.empty();
    }

    /**
     * Loads the dataset once.
     *
     * @param override what the refresh API changes for this run only
     */
    LoadOutcome load(Dataset d, RefreshOverride override) {
        DatasetSpec spec = d.spec();
        Optional<PluginRef> connector = plugins.connector(spec.scheme());
        if (d.sourceOnly()) {
            return register(d, connector);
        }
        Optional<PluginRef> engine = plugins.accelerator(spec.acceleration().engine());
        if (connector.isEmpty() || engine.isEmpty()) {
            String msg = connector.isEmpty() ? DatasetManager.connectorHint(spec.scheme())
                    : DatasetManager.engineHint(spec.acceleration().engine().toLowerCase(Locale.ROOT));
            waiting(d, msg);
            return LoadOutcome.waiting(msg);
        }
        Optional<String> paramProblem = paramProblem(d);
        if (paramProblem.isPresent()) {
            fail(d, paramProblem.get(), null);
            return LoadOutcome.failed(paramProblem.get(), false);
        }
        try {
            SourceTable source = source(d, connector.get());
            AcceleratedTable table = table(d, engine.get());
            boolean refresh = d.loadedOnce();
            d.state(refresh ? DatasetStatus.REFRESHING : DatasetStatus.INITIALIZING, null);
            Instant started = clock.instant();
            long t0 = System.nanoTime();
            try (BufferAllocator child = allocator.newChildAllocator("load:" + spec.name(), 0, Long.MAX_VALUE)) {
                AccelerationSpec a = spec.acceleration();
                Optional<RefreshSql> sql = override.refreshSql().or(() -> a.refreshSql());
                // Append continues from what the table holds; the first load is always full.
                boolean append = refresh && "append".equals(override.refreshMode().orElse(a.refreshMode()));
                Optional<String> filter = AppendFilters.combine(sql.flatMap(RefreshSql::filter),
                        AppendFilters.window(spec, clock.instant()),
                        append ? AppendFilters.checkpoint(spec, table) : Optional.empty());
                // "Not modified" only means something if the table holds what this same scan loaded.
                boolean conditional = refresh && d.lastScan().equals(Optional.of(sql));
                ScanRequest request = new ScanRequest(sql.map(RefreshSql::columns).orElse(List.of()), filter, conditional);
                ScanResult result = source.scan(request, child);
                if (result.rows().isEmpty()) {
                    d.refreshed(started);
                    LOG.info("Dataset {} is unchanged at the source; kept {} rows", spec.name(), d.rowCount());
                    return LoadOutcome.unchanged();
                }
                long before = d.rowCount();
                // Closed once the dataset is ready: deleting a large download takes tens of ms.
                try (ArrowStream stream = result.rows().get()) {
                    // A full load into an engine that can read the source's files runs there, whole.
                    OptionalLong inPlace = append || stream.fileQuery().isEmpty() ? OptionalLong.empty()
                            : table.replace(stream.fileQuery().get());
                    long rows = inPlace.isPresent() ? inPlace.getAsLong()
                            : fill(stream, spec.name(), append ? r -> table.append(r, AppendFilters.conflictAction(a))
                                    : table::replace);
                    d.scanned(sql);
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    long bytes = table.sizeBytes();
                    d.loaded(rows, bytes, started, took);
                    if (persistent(spec)) {
                        history.save(spec.name(), started, rows, took.toMillis());
                    }
                    if (append) {
                        LOG.info("Appended {} rows to dataset {} ({} rows, {}) in {}", Math.max(0, rows - before),
                                spec.name(), rows, mib(bytes), Durations.format(took));
                    } else {
                        LOG.info("Loaded {} rows ({}) for dataset {} in {}{}", rows, mib(bytes), spec.name(),
                                Durations.format(took), inPlace.isPresent() ? " (the engine read the source file itself)" : "");
                    }
                    if (!refresh) {
                        // Once, when the table first fills: later loads come from the same source shape.
                        AppendFilters.checkTimeFormat(spec, table);
                    }
                    return LoadOutcome.loaded();
                }
            }
        } catch (IllegalArgumentException e) {
            // time_format does not fit time_column: the user must fix the spicepod; retrying won't help.
            fail(d, e.getMessage(), null);
            return LoadOutcome.failed(e.getMessage(), false);
        } catch (Exception e) {
            Optional<ConnectorException> source = ConnectorException.behind(e);
            if (source.isPresent()) {
                return sourceFailed(d, source.get());
            }
            if (e instanceof AccelerationException) {
                fail(d, e.getMessage(), null);
                return LoadOutcome.failed(e.getMessage(), false);
            }
            fail(d, "load failed: " + e, e);
            return LoadOutcome.failed("load failed: " + e, false);
        }
    }

    /** What takes the batches: a replace or an append. */
    private interface Fill {
        long take(ArrowReader rows) throws AccelerationException;
    }

    private static long fill(ArrowStream stream, String dataset, Fill fill) throws Exception {
        try (LoadProgress progress = new LoadProgress(stream.reader(), dataset)) {
            return fill.take(progress);
        }
    }

    /** A dataset without acceleration is ready once its source answers. */
    private LoadOutcome register(Dataset d, Optional<PluginRef> connector) {
        if (connector.isEmpty()) {
            String msg = DatasetManager.connectorHint(d.spec().scheme());
            waiting(d, msg);
            return LoadOutcome.waiting(msg);
        }
        // One scan up front, as Spice does: an unreachable source is reported now, not at the first
        // query, and the columns are known for planning.
        try (BufferAllocator child = allocator.newChildAllocator("register:" + d.name(), 0, Long.MAX_VALUE);
                ArrowStream probe = source(d, connector.get()).scan(ScanRequest.all(), child).rows().orElseThrow(
                        () -> new ConnectorException("the connector answered `not modified` to a first scan", false))) {
            d.sourceSchema(probe.reader().getVectorSchemaRoot().getSchema());
        } catch (Exception e) {
            Optional<ConnectorException> source = ConnectorException.behind(e);
            if (source.isPresent()) {
                return sourceFailed(d, source.get());
            }
            fail(d, "reading the source failed: " + e, e);
            return LoadOutcome.failed("reading the source failed: " + e, false);
        }
        d.registered();
        LOG.info("Dataset {} is not accelerated: queries read it from the source", d.name());
        return LoadOutcome.loaded();
    }

    /** A new table on the dataset's source, for one query at the source. */
    SourceTable openSource(Dataset d) throws ConnectorException {
        DatasetSpec spec = d.spec();
        PluginRef connector = plugins.connector(spec.scheme()).orElseThrow(
                () -> new ConnectorException("dataset `" + d.name() + "`: " + DatasetManager.connectorHint(spec.scheme()),
                        false));
        return open(spec, (Connector) connector.service());
    }

    private SourceTable open(DatasetSpec spec, Connector c) throws ConnectorException {
        return c.open(new SourceSpec(spec.name(), spec.from(), ParamCheck.withDefaults(spec.params(), c.params()),
                spicepodDir));
    }

    private SourceTable source(Dataset d, PluginRef connector) throws ConnectorException {
        Optional<SourceTable> bound = d.source(connector);
        if (bound.isPresent()) {
            return bound.get();
        }
        SourceTable source = open(d.spec(), (Connector) connector.service());
        d.bindSource(connector, source);
        return source;
    }

    private AcceleratedTable table(Dataset d, PluginRef engine) throws AccelerationException {
        Optional<AcceleratedTable> bound = d.table(engine);
        if (bound.isPresent()) {
            return bound.get();
        }
        DatasetSpec spec = d.spec();
        AccelerationSpec a = spec.acceleration();
        Accelerator accelerator = (Accelerator) engine.service();
        AcceleratedTable table = accelerator.attach(new TableSpec(spec.name(), a.mode(),
                ParamCheck.withDefaults(a.params(), accelerator.params()), a.primaryKey(), dataDir,
                AppendFilters.indexes(a)));
        boolean hasData = table.hasData();
        d.bindTable(engine, table, hasData);
        Optional<RefreshHistory.Entry> last = hasData && persistent(spec) ? history.load(spec.name()) : Optional.empty();
        if (last.isPresent()) {
            d.restored(Instant.parse(last.get().lastRefresh()), table.rowCount(),
                    Duration.ofMillis(last.get().durationMillis()));
        }
        if (hasData) {
            LOG.info("Dataset {} reopened its {} file with {} rows; refreshing", spec.name(), a.engine(),
                    table.rowCount());
        }
        return table;
    }


    private void waiting(Dataset d, String msg) {
        boolean changed = !msg.equals(d.message().orElse(null));
        d.state(d.loadedOnce() ? DatasetStatus.ERROR : d.status() == DatasetStatus.ERROR ? DatasetStatus.ERROR
                : DatasetStatus.INITIALIZING, msg);
        if (changed) {
            LOG.warn("dataset `{}`: {}", d.name(), msg);
        }
    }

    /**
     * The connector's own error, thrown by its scan or found behind the reader's while the engine
     * read the batches: reported in its words, retried when it says so.
     */
    private LoadOutcome sourceFailed(Dataset d, ConnectorException e) {
        fail(d, e.getMessage(), null);
        return LoadOutcome.failed(e.getMessage(), e.retryable());
    }

    private void fail(Dataset d, String msg, Exception e) {
        d.state(DatasetStatus.ERROR, msg);
        // Connector and engine messages already name the dataset.
        String line = msg.startsWith("dataset `") ? msg : "dataset `" + d.name() + "`: " + msg;
        if (e != null) {
            LOG.error("{}", line, e);
        } else {
            LOG.error("{}", line);
        }
    }

    /** Only file-mode tables outlive the process, so only their refresh history is kept. */
    private static boolean persistent(DatasetSpec spec) {
        return "file".equals(spec.acceleration().mode());
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}

package io.paprika.kernel.dataset;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.config.AccelerationSpec;
import io.paprika.kernel.config.ConfigException;
import io.paprika.kernel.config.DatasetSpec;
import io.paprika.kernel.config.Durations;
import io.paprika.kernel.plugin.PluginListener;
import io.paprika.kernel.plugin.PluginRef;
import io.paprika.kernel.plugin.PluginRegistry;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.SourceTable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the datasets: binds each to its connector and engine as plugins come and go, runs loads
 * (one at a time per dataset) and schedules refreshes.
 */
public final class DatasetManager implements PluginListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetManager.class);

    private final Map<String, Dataset> datasets = new LinkedHashMap<>();
    private final PluginRegistry plugins;
    private final DatasetLoader loader;
    private final ExecutorService loadPool;
    private final ScheduledExecutorService timer;
    private final Map<String, LoadSlot> slots = new ConcurrentHashMap<>();
    private final Backoff backoff = new Backoff(new java.util.Random());
    private final java.time.Clock clock;
    private volatile boolean draining;
    private final Retention retention;
    private final List<Consumer<String>> rowsChanged = new CopyOnWriteArrayList<>();
    private final List<LoadListener> loadFinished = new CopyOnWriteArrayList<>();

    /** {@code clock} is where "now" comes from for data windows, retention and retry times. */
    public DatasetManager(List<DatasetSpec> specs, PluginRegistry plugins, BufferAllocator allocator, Path dataDir,
            Path spicepodDir, java.time.Clock clock) {
        this.plugins = requireNonNull(plugins, "plugins");
        this.clock = requireNonNull(clock, "clock");
        this.retention = new Retention(clock);
        this.loader = new DatasetLoader(plugins, allocator, dataDir, spicepodDir, clock);
        for (DatasetSpec spec : specs) {
            datasets.put(spec.name().toLowerCase(Locale.ROOT), new Dataset(spec));
        }
        this.loadPool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, specs.size())), daemon("load"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("refresh-timer"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "paprika-" + name);
            t.setDaemon(true);
            return t;
        };
    }

    public List<Dataset> all() {
        return List.copyOf(datasets.values());
    }

    /** A dataset by name, ignoring case. */
    public Optional<Dataset> find(String name) {
        return Optional.ofNullable(datasets.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * True once every dataset can answer: loaded at least once and still holding its rows, or
     * served from its source.
     */
    public boolean ready() {
        return !draining && datasets.values().stream().allMatch(Dataset::servable);
    }

    /** Shutting down: not ready any more, so a load balancer stops sending queries here. */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /**
     * A fresh table on the dataset's source for one query at the source; the caller closes it.
     * Each query opens its own, since scans of one source table never run concurrently.
     */
    public SourceTable openSource(Dataset d) throws ConnectorException {
        return loader.openSource(d);
    }

    /**
     * Before serving: every dataset whose plugins are installed has only params they declare.
     *
     * @throws ConfigException naming the first unknown param
     */
    public void checkParams() throws ConfigException {
        for (Dataset d : datasets.values()) {
            Optional<String> problem = loader.paramProblem(d);
            if (problem.isPresent()) {
                throw new ConfigException("spicepod: dataset `" + d.name() + "`: " + problem.get());
            }
        }
    }

    /** Logs, once, what is accepted but not acted on yet, then starts loading every dataset. */
    public void start() {
        for (Dataset d : datasets.values()) {
            DatasetSpec s = d.spec();
            if ("changes".equals(s.acceleration().refreshMode())) {
                LOG.info("dataset `{}`: refresh_mode `changes` is not yet applied; each load is a full refresh",
                        d.name());
            }
            requestLoad(d);
            if (s.acceleration().retentionCheckEnabled()) {
                long every = s.acceleration().retentionCheckInterval().orElse(Retention.DEFAULT_INTERVAL).toMillis();
                timer.scheduleWithFixedDelay(() -> {
                    if (retention.check(d) > 0) {
                        fireRowsChanged(d);
                    }
                }, every, every, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Calls {@code listener} with a dataset's name after a load, append or retention delete changed
     * its rows (for caches of query results).
     */
    public void onRowsChanged(Consumer<String> listener) {
        rowsChanged.add(requireNonNull(listener, "listener"));
    }

    /** Told when a load of an accelerated dataset has ended (for metrics). */
    public interface LoadListener {
        /** {@code mode} is the refresh mode the load ran in: {@code full} for a first load. */
        void loadFinished(Dataset dataset, String mode, boolean failed, Duration took);
    }

    /** Calls {@code listener} after each load of an accelerated dataset that ran (not one waiting for a plugin). */
    public void onLoadFinished(LoadListener listener) {
        loadFinished.add(requireNonNull(listener, "listener"));
    }

    private void fireLoadFinished(Dataset d, String mode, LoadOutcome outcome, long nanos) {
        if (d.sourceOnly() || outcome.kind() == LoadOutcome.Kind.WAITING) {
            return;
        }
        boolean failed = outcome.kind() == LoadOutcome.Kind.FAILED;
        for (LoadListener l : loadFinished) {
            try {
                l.loadFinished(d, mode, failed, Duration.ofNanos(nanos));
            } catch (RuntimeException e) {
                LOG.warn("dataset `{}`: a load listener failed: {}", d.name(), e.toString());
            }
        }
    }

    private void fireRowsChanged(Dataset d) {
        for (Consumer<String> l : rowsChanged) {
            try {
                l.accept(d.name());
            } catch (RuntimeException e) {
                LOG.warn("dataset `{}`: a rows-changed listener failed: {}", d.name(), e.toString());
            }
        }
    }

    /** Runs a load of the dataset now, or right after the one in progress. */
    public void requestLoad(Dataset d) {
        requestLoad(d, RefreshOverride.NONE);
    }

    /**
     * Runs a load now (or right after the one in progress), with a {@code refresh_sql} or
     * {@code refresh_mode} for that run only when given.
     */
    public void requestLoad(Dataset d, RefreshOverride override) {
        LoadSlot slot = slots.computeIfAbsent(d.name(), n -> new LoadSlot());
        synchronized (slot) {
            if (!override.isNone()) {
                slot.override = override;
            }
            if (slot.running) {
                slot.again = true;
                return;
            }
            slot.running = true;
        }
        loadPool.submit(() -> runLoads(d, slot));
    }

    private void runLoads(Dataset d, LoadSlot slot) {
        LoadOutcome outcome;
        while (true) {
            RefreshOverride override;
            synchronized (slot) {
                override = slot.override;
                slot.override = RefreshOverride.NONE;
            }
            String mode = d.loadedOnce() ? override.refreshMode().orElse(d.spec().acceleration().refreshMode()) : "full";
            long t0 = System.nanoTime();
            try {
                outcome = loader.load(d, override);
            } catch (RuntimeException | Error e) {
                LOG.error("dataset `{}`: load failed unexpectedly", d.name(), e);
                outcome = LoadOutcome.failed("load failed: " + e, false);
            }
            fireLoadFinished(d, mode, outcome, System.nanoTime() - t0);
            if (outcome.kind() == LoadOutcome.Kind.LOADED) {
                fireRowsChanged(d);
            }
            synchronized (slot) {
                if (!slot.again) {
                    slot.running = false;
                    break;
                }
                slot.again = false;
            }
        }
        scheduleNext(d, slot, outcome);
    }

    /**
     * After a transient failure, a retry with Fibonacci backoff while retries are allowed;
     * otherwise the next scheduled refresh. The timer restarts after each load, so loads of one
     * dataset never overlap.
     */
    private void scheduleNext(Dataset d, LoadSlot slot, LoadOutcome outcome) {
        AccelerationSpec a = d.spec().acceleration();
        synchronized (slot) {
            if (slot.next != null) {
                slot.next.cancel(false);
                slot.next = null;
            }
            boolean failed = outcome.kind() == LoadOutcome.Kind.FAILED;
            if (failed && outcome.retryable() && a.refreshRetryEnabled()
                    && a.refreshRetryMaxAttempts().map(max -> slot.retries < max).orElse(true)) {
                slot.retries++;
                Duration delay = backoff.retryDelay(slot.retries);
                Instant at = clock.instant().plus(delay);
                String of = a.refreshRetryMaxAttempts().map(max -> " of " + max).orElse("");
                String msg = (d.loadedOnce() ? "refresh failed (serving the last good data): " : "load failed: ")
                        + outcome.message() + "; retry " + slot.retries + of + " at " + at;
                d.failed(msg, at);
                LOG.warn("dataset `{}`: retry {}{} in {}", d.name(), slot.retries, of, Durations.format(delay));
                slot.next = timer.schedule(() -> requestLoad(d), delay.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            if (failed && d.loadedOnce()) {
                d.failed("refresh failed (serving the last good data): " + outcome.message(), null);
            }
            slot.retries = 0;
            if (a.refreshCheckInterval().isPresent() && outcome.kind() != LoadOutcome.Kind.WAITING) {
                Duration delay = backoff.refreshDelay(a.refreshCheckInterval().get(), a.refreshJitterEnabled(),
                        a.refreshJitterMax());
                slot.next = timer.schedule(() -> requestLoad(d), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void pluginAdded(PluginRef plugin) {
        for (Dataset d : datasets.values()) {
            boolean wants = "connector".equals(plugin.kind()) ? plugin.names().contains(d.spec().scheme())
                    : plugin.names().contains(d.engine().toLowerCase(Locale.ROOT));
            if (wants && !d.boundTo(plugin)) {
                requestLoad(d);
            }
        }
    }

    @Override
    public void pluginRemoved(PluginRef plugin) {
        if (draining) {
            // Shutting down: every bundle stops; that is not a dataset error.
            return;
        }
        for (Dataset d : datasets.values()) {
            if (!d.boundTo(plugin)) {
                continue;
            }
            d.unbind(plugin).ifPresent(source -> {
                try {
                    source.close();
                } catch (Exception e) {
                    LOG.debug("closing the source of `{}` failed", d.name(), e);
                }
            });
            String what = "connector".equals(plugin.kind()) ? "connector for scheme `" + d.spec().scheme() + "`"
                    : "engine `" + d.engine() + "`";
            String msg = what + " is no longer installed: bundle " + plugin.bundle()
                    + " was stopped or removed (drop its jar into plugins/ to restore)";
            d.state(DatasetStatus.ERROR, msg);
            LOG.error("dataset `{}`: {}", d.name(), msg);
        }
    }

    /** Names of the datasets, as written in the spicepod. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        datasets.values().forEach(d -> out.add(d.name()));
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        loadPool.shutdownNow();
        try {
            loadPool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Dataset d : datasets.values()) {
            d.state(DatasetStatus.SHUTTING_DOWN, null);
        }
    }

    /** One dataset's load bookkeeping: a load running, one more wanted, retries, the next load. */
    private static final class LoadSlot {
        boolean running;
        boolean again;
        int retries;
        RefreshOverride override = RefreshOverride.NONE;
        ScheduledFuture<?> next;
    }

    static String connectorHint(String scheme) {
        return "connector for scheme `" + scheme + "` is not installed (drop a connector bundle serving `" + scheme
                + "` into plugins/)";
    }

    static String engineHint(String engine) {
        return "engine `" + engine + "` is not installed (drop the bundle for engine `" + engine + "` into plugins/)";
    }
}

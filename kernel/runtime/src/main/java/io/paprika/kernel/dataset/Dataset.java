package io.paprika.kernel.dataset;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.config.DatasetSpec;
import io.paprika.kernel.config.RefreshSql;
import io.paprika.kernel.plugin.PluginRef;
import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.SourceTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One dataset at run time: its spec, where it is bound (connector and accelerator bundles), its
 * state and the figures of its last load. Guarded by its own monitor.
 */
public final class Dataset {
    private final DatasetSpec spec;
    private DatasetStatus status = DatasetStatus.INITIALIZING;
    private String message;
    private boolean loadedOnce;
    private PluginRef connector;
    private PluginRef accelerator;
    private SourceTable source;
    private AcceleratedTable table;
    private long rowCount;
    private long sizeBytes;
    private Instant lastRefresh;
    private Duration lastRefreshDuration;
    private String lastError;
    private Optional<Optional<RefreshSql>> lastScan = Optional.empty();
    private Instant nextAttempt;
    private Schema sourceSchema;
    private boolean registered;

    Dataset(DatasetSpec spec) {
        this.spec = requireNonNull(spec, "spec");
    }

    public DatasetSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public String engine() {
        return spec.acceleration().engine();
    }

    public synchronized DatasetStatus status() {
        return status;
    }

    public synchronized Optional<String> message() {
        return Optional.ofNullable(message);
    }

    public synchronized boolean loadedOnce() {
        return loadedOnce;
    }

    public synchronized long rowCount() {
        return rowCount;
    }

    public synchronized long sizeBytes() {
        return sizeBytes;
    }

    public synchronized Optional<Instant> lastRefresh() {
        return Optional.ofNullable(lastRefresh);
    }

    public synchronized Optional<Duration> lastRefreshDuration() {
        return Optional.ofNullable(lastRefreshDuration);
    }

    public synchronized Optional<PluginRef> connector() {
        return Optional.ofNullable(connector);
    }

    public synchronized Optional<PluginRef> accelerator() {
        return Optional.ofNullable(accelerator);
    }

    /** Not accelerated: every query reads the source. */
    public boolean sourceOnly() {
        return !spec.accelerationGiven() || !spec.acceleration().enabled();
    }

    /**
     * True when a query is answered by scanning the source now: always for a dataset without
     * acceleration, and before the first load for {@code ready_state: on_registration}.
     */
    public synchronized boolean answersAtSource() {
        return connector != null && (sourceOnly() ? registered
                : "on_registration".equals(spec.readyState()) && !loadedOnce);
    }

    /** Ready to answer queries: loaded, or answered at the source. */
    public boolean servable() {
        return loadedOnce() || answersAtSource();
    }

    /** The source's columns as last seen by a query at the source. */
    public synchronized Optional<Schema> sourceSchema() {
        return Optional.ofNullable(sourceSchema);
    }

    public synchronized void sourceSchema(Schema schema) {
        this.sourceSchema = schema;
    }

    /** The accelerator holding this dataset's rows, when it can be queried. */
    public synchronized Optional<PluginRef> queryableIn() {
        return loadedOnce && table != null ? Optional.ofNullable(accelerator) : Optional.empty();
    }

    public synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public synchronized Optional<Instant> nextAttempt() {
        return Optional.ofNullable(nextAttempt);
    }

    /** The refresh_sql (or none) of the scan whose rows the table holds; empty before any load. */
    synchronized Optional<Optional<RefreshSql>> lastScan() {
        return lastScan;
    }

    synchronized void scanned(Optional<RefreshSql> sql) {
        this.lastScan = Optional.of(sql);
    }

    /** A load failed; the rows of the last good load, if any, keep serving. */
    synchronized void failed(String message, Instant nextAttempt) {
        this.status = DatasetStatus.ERROR;
        this.message = message;
        this.lastError = message;
        this.nextAttempt = nextAttempt;
    }

    synchronized void state(DatasetStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    /** The table now holding the rows, if any. */
    synchronized Optional<AcceleratedTable> currentTable() {
        return Optional.ofNullable(table);
    }

    synchronized void rowsNow(long rows) {
        this.rowCount = rows;
    }

    synchronized Optional<SourceTable> source(PluginRef current) {
        return connector != null && connector.serviceId() == current.serviceId() ? Optional.ofNullable(source)
                : Optional.empty();
    }

    synchronized Optional<AcceleratedTable> table(PluginRef current) {
        return accelerator != null && accelerator.serviceId() == current.serviceId() ? Optional.ofNullable(table)
                : Optional.empty();
    }

    synchronized void bindSource(PluginRef connector, SourceTable source) {
        this.connector = connector;
        this.source = source;
    }

    synchronized void bindTable(PluginRef accelerator, AcceleratedTable table, boolean hasData) {
        this.accelerator = accelerator;
        this.table = table;
        this.loadedOnce = hasData;
    }

    synchronized void loaded(long rows, long bytes, Instant when, Duration took) {
        this.loadedOnce = true;
        this.rowCount = rows;
        this.sizeBytes = bytes;
        this.lastRefresh = when;
        this.lastRefreshDuration = took;
        this.status = DatasetStatus.READY;
        this.message = null;
        this.nextAttempt = null;
    }

    /** A dataset without acceleration found its connector: it is served from the source. */
    synchronized void registered() {
        this.registered = true;
        this.status = DatasetStatus.READY;
        this.message = null;
        this.lastError = null;
        this.nextAttempt = null;
    }

    /** Rows reopened from a file after a restart, with the time their last refresh finished. */
    synchronized void restored(Instant lastRefresh, long rows, Duration took) {
        this.lastRefresh = lastRefresh;
        this.lastRefreshDuration = took;
        this.rowCount = rows;
    }

    synchronized void refreshed(Instant when) {
        this.lastRefresh = when;
        this.status = DatasetStatus.READY;
        this.message = null;
        this.nextAttempt = null;
    }

    /** The plugin went away: forget what it held. Returns the source to close, if any. */
    synchronized Optional<SourceTable> unbind(PluginRef gone) {
        Optional<SourceTable> toClose = Optional.empty();
        if (connector != null && connector.serviceId() == gone.serviceId()) {
            toClose = Optional.ofNullable(source);
            registered = false;
            connector = null;
            source = null;
        }
        if (accelerator != null && accelerator.serviceId() == gone.serviceId()) {
            accelerator = null;
            table = null;
            lastScan = Optional.empty();
            loadedOnce = false;
            rowCount = 0;
            sizeBytes = 0;
        }
        return toClose;
    }

    synchronized boolean boundTo(PluginRef ref) {
        return connector != null && connector.serviceId() == ref.serviceId()
                || accelerator != null && accelerator.serviceId() == ref.serviceId();
    }
}

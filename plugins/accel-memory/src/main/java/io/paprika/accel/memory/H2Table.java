package io.paprika.accel.memory;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import io.paprika.spi.ConflictAction;
import io.paprika.spi.IndexSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dataset's table. Loads go to a staging table; the swap takes the engine's write lock, and
 * queries run under its read lock, so a query sees the old rows or the new ones, never a mix.
 * Appends and deletes run their one transaction under the write lock for the same reason.
 */
final class H2Table implements AcceleratedTable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Table.class);

    private final Connections connections;
    private final ReadWriteLock lock;
    private final String dataset;
    private final List<String> primaryKey;
    private final String table;
    private final String stage;
    private final String appendStage;
    private final Indexes indexes;
    private final AppendSql appendSql;

    H2Table(Connections connections, ReadWriteLock lock, String dataset, List<String> primaryKey,
            List<IndexSpec> indexes) {
        this.connections = requireNonNull(connections, "connections");
        this.lock = requireNonNull(lock, "lock");
        this.dataset = requireNonNull(dataset, "dataset");
        this.primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey"));
        this.table = Sql.ident(dataset);
        this.stage = Sql.ident(dataset + "__paprika_stage");
        this.appendStage = Sql.ident(dataset + "__paprika_append");
        this.indexes = new Indexes(dataset, indexes);
        this.appendSql = new AppendSql(table, appendStage, this.primaryKey);
    }

    @Override
    public synchronized long replace(ArrowReader rows) throws AccelerationException {
        long started = System.nanoTime();
        try (Connection conn = connections.open()) {
            execute(conn, "DROP TABLE IF EXISTS " + stage);
            long count;
            try {
                conn.setAutoCommit(false);
                count = ArrowInsert.createAndFill(conn, dataset, stage, primaryKey, rows);
                conn.commit();
                conn.setAutoCommit(true);
                indexes.create(conn, stage, true);
                swap(conn);
            } catch (AccelerationException | SQLException | java.io.IOException | RuntimeException e) {
                conn.rollback();
                conn.setAutoCommit(true);
                execute(conn, "DROP TABLE IF EXISTS " + stage);
                throw e;
            }
            LOG.debug("dataset {}: loaded {} rows in {} ms", dataset, count, (System.nanoTime() - started) / 1_000_000);
            return count;
        } catch (AccelerationException e) {
            throw e;
        } catch (Exception e) {
            throw new AccelerationException("dataset `" + dataset + "`: loading into engine memory failed: "
                    + e.getMessage(), e);
        }
    }

    private void swap(Connection conn) throws SQLException {
        Lock write = lock.writeLock();
        write.lock();
        try {
            execute(conn, "DROP TABLE IF EXISTS " + table);
            execute(conn, "ALTER TABLE " + stage + " RENAME TO " + table);
            indexes.renameFromStage(conn);
        } finally {
            write.unlock();
        }
    }

    /**
     * Stages the rows (outside the lock: reading the source may be slow), then under the write lock
     * moves them into the table in one transaction, creating the table first when it is absent.
     */
    @Override
    public synchronized long append(ArrowReader rows, ConflictAction onConflict) throws AccelerationException {
        requireNonNull(onConflict, "onConflict");
        try (Connection conn = connections.open()) {
            execute(conn, "DROP TABLE IF EXISTS " + appendStage);
            try {
                List<Field> fields = ArrowInsert.fields(dataset, rows);
                execute(conn, ArrowInsert.createTable(dataset, appendStage, fields, List.of(), true));
                conn.setAutoCommit(false);
                long staged = ArrowInsert.fill(conn, appendStage, rows, true);
                conn.commit();
                long count = moveStaged(conn, fields, onConflict);
                LOG.debug("dataset {}: appended from {} staged rows, {} rows now", dataset, staged, count);
                return count;
            } finally {
                if (!conn.getAutoCommit()) {
                    conn.rollback();
                    conn.setAutoCommit(true);
                }
                execute(conn, "DROP TABLE IF EXISTS " + appendStage);
            }
        } catch (AccelerationException e) {
            throw e;
        } catch (Exception e) {
            throw new AccelerationException("dataset `" + dataset + "`: appending into engine memory failed: "
                    + e.getMessage(), e);
        }
    }

    private long moveStaged(Connection conn, List<Field> fields, ConflictAction onConflict)
            throws AccelerationException, SQLException {
        Lock write = lock.writeLock();
        write.lock();
        try {
            boolean created = false;
            if (!exists(conn)) { // DDL commits in H2, so the new table is dropped again on failure
                execute(conn, ArrowInsert.createTable(dataset, table, fields, primaryKey, false));
                created = true;
            }
            try {
                if (created) {
                    indexes.create(conn, table, false);
                }
                execute(conn, appendSql.statement(fields.stream().map(Field::getName).toList(), onConflict));
                conn.commit();
            } catch (AccelerationException | SQLException | RuntimeException e) {
                conn.rollback();
                if (created) {
                    execute(conn, "DROP TABLE IF EXISTS " + table);
                }
                throw e;
            }
            return count(conn);
        } finally {
            write.unlock();
        }
    }

    @Override
    public Optional<Object> max(String column) throws AccelerationException {
        requireNonNull(column, "column");
        Lock read = lock.readLock();
        read.lock();
        try (Connection conn = connections.open()) {
            return exists(conn) ? ColumnMax.of(conn, dataset, table, column) : Optional.empty();
        } catch (SQLException e) {
            throw new AccelerationException("dataset `" + dataset + "`: reading the largest `" + column + "` failed: "
                    + e.getMessage(), e);
        } finally {
            read.unlock();
        }
    }

    /** Nothing to delete from a table not created yet. */
    @Override
    public synchronized long delete(String filter) throws AccelerationException {
        requireNonNull(filter, "filter");
        Lock write = lock.writeLock();
        write.lock();
        try (Connection conn = connections.open()) {
            if (!exists(conn)) {
                return 0;
            }
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                long deleted = st.executeLargeUpdate("DELETE FROM " + table + " WHERE " + filter);
                conn.commit();
                return deleted;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AccelerationException("dataset `" + dataset + "`: deleting rows where " + filter + " failed: "
                    + e.getMessage(), e);
        } finally {
            write.unlock();
        }
    }

    @Override
    public long rowCount() throws AccelerationException {
        Lock read = lock.readLock();
        read.lock();
        try (Connection conn = connections.open()) {
            return exists(conn) ? count(conn) : 0;
        } catch (SQLException e) {
            throw new AccelerationException("dataset `" + dataset + "`: counting rows failed: " + e.getMessage(), e);
        } finally {
            read.unlock();
        }
    }

    /**
     * An estimate: rows times columns times 8 bytes. H2 reports no page use for in-memory tables
     * (DISK_SPACE_USED is 0 there).
     */
    @Override
    public long sizeBytes() throws AccelerationException {
        long rows = rowCount();
        try (Connection conn = connections.open();
                PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND table_name = ?")) {
            ps.setString(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rows * Math.max(1, rs.getLong(1)) * 8;
            }
        } catch (SQLException e) {
            throw new AccelerationException("dataset `" + dataset + "`: reading the table size failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void detach() {
        Lock write = lock.writeLock();
        write.lock();
        try (Connection conn = connections.open()) {
            execute(conn, "DROP TABLE IF EXISTS " + table);
            execute(conn, "DROP TABLE IF EXISTS " + stage);
            execute(conn, "DROP TABLE IF EXISTS " + appendStage);
        } catch (SQLException e) {
            LOG.warn("dataset {}: dropping the table failed: {}", dataset, e.getMessage());
        } finally {
            write.unlock();
        }
    }

    private boolean exists(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_name = ?")) {
            ps.setString(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private long count(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }
}

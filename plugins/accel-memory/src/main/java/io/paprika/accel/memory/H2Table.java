package io.paprika.accel.memory;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dataset's table. Loads go to a staging table; the swap takes the engine's write lock, and
 * queries run under its read lock, so a query sees the old rows or the new ones, never a mix.
 */
final class H2Table implements AcceleratedTable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Table.class);

    private final Connections connections;
    private final ReadWriteLock lock;
    private final String dataset;
    private final List<String> primaryKey;
    private final String table;
    private final String stage;

    H2Table(Connections connections, ReadWriteLock lock, String dataset, List<String> primaryKey) {
        this.connections = requireNonNull(connections, "connections");
        this.lock = requireNonNull(lock, "lock");
        this.dataset = requireNonNull(dataset, "dataset");
        this.primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey"));
        this.table = Sql.ident(dataset);
        this.stage = Sql.ident(dataset + "__paprika_stage");
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
        } finally {
            write.unlock();
        }
    }

    @Override
    public long rowCount() throws AccelerationException {
        Lock read = lock.readLock();
        read.lock();
        try (Connection conn = connections.open()) {
            if (!exists(conn)) {
                return 0;
            }
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
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

    private static void execute(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }
}

package io.paprika.accel.memory;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import io.paprika.spi.Accelerator;
import io.paprika.spi.ArrowStream;
import io.paprika.spi.ParamSpec;
import io.paprika.spi.QueryShape;
import io.paprika.spi.TableSpec;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.arrow.adapter.jdbc.ArrowVectorIterator;
import org.apache.arrow.adapter.jdbc.JdbcToArrow;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfig;
import org.apache.arrow.adapter.jdbc.JdbcToArrowUtils;
import org.apache.arrow.memory.BufferAllocator;
import org.h2.Driver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine {@code memory} (alias {@code arrow}): one in-memory H2 database per activation holding
 * every table, so a query over several datasets runs whole in it. H2 is embedded in this bundle.
 * Immediate: the database must outlive any one user of the service, not come and go with it.
 */
@Component(service = Accelerator.class, immediate = true,
        property = {Accelerator.ENGINES + "=memory", Accelerator.ENGINES + "=arrow"})
public final class MemoryAccelerator implements Accelerator {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryAccelerator.class);
    private static final int QUERY_BATCH_ROWS = 8192;

    /** Queries hold the read side while H2 runs them (it materializes results); swaps the write side. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Driver driver = new Driver();
    private String url;
    private Connection keeper;
    private final QuerySessions sessions = new QuerySessions(16);

    /**
     * PostgreSQL mode for the SQL flavour Spice users write; nulls sort as the largest values (last
     * ascending, first descending) as in PostgreSQL; lower-case, case-insensitive names as in
     * DataFusion; and common column names (day, year, value, key, user...) usable unquoted.
     */
    private static final String SETTINGS = ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH"
            + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            + ";NON_KEYWORDS=DAY,HOUR,MINUTE,MONTH,SECOND,YEAR,VALUE,KEY,USER,TOP,MINUS";

    @Activate
    public void activate() throws SQLException {
        url = "jdbc:h2:mem:paprika_" + UUID.randomUUID().toString().replace("-", "") + SETTINGS;
        keeper = driver.connect(url, new Properties());
        LOG.info("memory accelerator started (H2 in-memory)");
    }

    @Deactivate
    public void deactivate() {
        Connection c = keeper;
        keeper = null;
        sessions.closeAll();
        if (c == null) {
            return;
        }
        try (c; Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("shutting down the H2 database failed: {}", e.getMessage());
        }
        LOG.info("memory accelerator stopped");
    }

    @Override
    public String dialect() {
        return "h2";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public AcceleratedTable attach(TableSpec spec) throws AccelerationException {
        if (!spec.mode().toLowerCase(Locale.ROOT).equals("memory")) {
            throw new AccelerationException("dataset `" + spec.dataset() + "`: acceleration mode `" + spec.mode()
                    + "` is not supported by engine memory (use mode memory, or engine duckdb for mode file)");
        }
        return new H2Table(this::open, lock, spec.dataset(), spec.primaryKey(), spec.indexes());
    }

    @Override
    public ArrowStream query(String sql, List<Object> parameters, BufferAllocator allocator) throws SQLException {
        Connection conn = sessions.take(this::open);
        PreparedStatement st = null;
        try {
            ResultSet rs;
            Lock read = lock.readLock();
            read.lock();
            try {
                st = conn.prepareStatement(sql);
                Parameters.bind(st, parameters);
                rs = st.executeQuery();
            } finally {
                read.unlock();
            }
            JdbcToArrowConfig config = JdbcArrowConfig.create(allocator, QUERY_BATCH_ROWS);
            var schema = JdbcToArrowUtils.jdbcToArrowSchema(rs.getMetaData(), config);
            ArrowVectorIterator batches = JdbcToArrow.sqlToArrowVectorIterator(rs, config);
            // Closed after the reader, last listed first: result, statement, connection.
            return new ArrowStream(new ResultSetArrowReader(allocator, batches, schema), () -> sessions.give(conn), st,
                    rs);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(st, e);
            closeQuietly(conn, e);
            throw e;
        } catch (IOException e) {
            SQLException failure = new SQLException("reading the query result failed: " + e.getMessage(), e);
            closeQuietly(st, failure);
            closeQuietly(conn, failure);
            throw failure;
        }
    }

    @Override
    public QueryShape describe(String sql, BufferAllocator allocator) throws SQLException {
        Lock read = lock.readLock();
        try (Connection conn = open()) {
            read.lock();
            try {
                // H2 compiles the statement and reports its columns without running it.
                return QueryShapes.describe(conn, sql, JdbcArrowConfig.create(allocator, QUERY_BATCH_ROWS));
            } finally {
                read.unlock();
            }
        }
    }

    /** A new connection to this activation's database. */
    Connection open() throws SQLException {
        if (keeper == null) {
            throw new SQLException("the memory accelerator is stopped");
        }
        return driver.connect(url, new Properties());
    }

    private static void closeQuietly(AutoCloseable c, Exception failure) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}

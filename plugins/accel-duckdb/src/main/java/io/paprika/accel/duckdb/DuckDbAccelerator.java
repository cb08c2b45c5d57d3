package io.paprika.accel.duckdb;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import io.paprika.spi.Accelerator;
import io.paprika.spi.ArrowStream;
import io.paprika.spi.FederatingAccelerator;
import io.paprika.spi.ParamSpec;
import io.paprika.spi.QueryShape;
import io.paprika.spi.TableSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine {@code duckdb}. One in-memory DuckDB database per activation holds every table (file
 * tables are attached into it), so a query over several datasets runs whole in one engine.
 * Immediate: the database must outlive any one user of the service, not come and go with it.
 */
@Component(service = Accelerator.class, immediate = true, property = Accelerator.ENGINES + "=duckdb")
public final class DuckDbAccelerator implements FederatingAccelerator {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbAccelerator.class);
    private static final String MEMORY_CATALOG = "memory";

    private DuckDBConnection database;
    private FileCatalogs files;

    @Activate
    public void activate() throws SQLException {
        // Each "jdbc:duckdb:" connect opens a new database: keep this one, duplicate it per use.
        Properties props = new Properties();
        // Stream query results chunk by chunk instead of materializing them before the Arrow export.
        props.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        database = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", props);
        DialectSettings.apply(database);
        files = new FileCatalogs(this::open);
        LOG.info("DuckDB accelerator started");
    }

    @Deactivate
    public void deactivate() {
        DuckDBConnection db = database;
        database = null;
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                LOG.warn("closing the DuckDB database failed: {}", e.getMessage());
            }
        }
        LOG.info("DuckDB accelerator stopped");
    }

    @Override
    public String dialect() {
        return "duckdb";
    }

    @Override
    public List<ParamSpec> params() {
        return DuckDbParams.ALL;
    }

    @Override
    public AcceleratedTable attach(TableSpec spec) throws AccelerationException {
        String mode = spec.mode().toLowerCase(Locale.ROOT);
        try (DuckDBConnection conn = open()) {
            var limit = DuckDbParams.memoryLimit(spec);
            if (limit.isPresent()) {
                execute(conn, "SET memory_limit = " + Sql.literal(limit.get()));
            }
            switch (mode) {
                case "memory":
                    return new DuckDbTable(this::open, spec.dataset(), MEMORY_CATALOG, null, spec.primaryKey(),
                            spec.indexes());
                case "file":
                    return attachFile(conn, spec);
                default:
                    throw new AccelerationException("dataset `" + spec.dataset() + "`: acceleration mode `" + spec.mode()
                            + "` is not supported by engine duckdb (use memory or file)");
            }
        } catch (SQLException e) {
            throw new AccelerationException("dataset `" + spec.dataset() + "`: DuckDB could not attach the table: "
                    + e.getMessage(), e);
        }
    }

    /** Attaches the dataset's file as its own catalog; a table already in it is shown at once. */
    private AcceleratedTable attachFile(DuckDBConnection conn, TableSpec spec) throws SQLException, AccelerationException {
        Path file = DuckDbParams.file(spec);
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new AccelerationException("dataset `" + spec.dataset() + "`: cannot create the folder for " + file
                    + ": " + e.getMessage(), e);
        }
        String catalog = files.acquire(conn, file, spec.dataset());
        DuckDbTable table = new DuckDbTable(this::open, spec.dataset(), catalog, files, spec.primaryKey(), spec.indexes());
        if (table.exists(conn)) {
            table.showInMain(conn);
            LOG.info("dataset {}: reopened DuckDB file {}", spec.dataset(), file);
        }
        return table;
    }

    @Override
    public ArrowStream query(String sql, List<Object> parameters, BufferAllocator allocator) throws SQLException {
        return Federation.run(this::open, sql, parameters, Map.of(), allocator);
    }

    @Override
    public QueryShape describe(String sql, BufferAllocator allocator) throws SQLException {
        try (DuckDBConnection conn = open()) {
            return QueryShapes.describe(conn, sql, allocator);
        }
    }

    @Override
    public ArrowStream federate(String sql, List<Object> parameters, Map<String, ArrowStream> inputs,
            BufferAllocator allocator) throws SQLException {
        return Federation.run(this::open, sql, parameters, inputs, allocator);
    }

    @Override
    public QueryShape describeFederated(String sql, Map<String, Schema> inputs, BufferAllocator allocator)
            throws SQLException {
        return Federation.describe(this::open, sql, inputs, allocator);
    }

    private DuckDBConnection open() throws SQLException {
        DuckDBConnection db = database;
        if (db == null) {
            throw new SQLException("the DuckDB accelerator is stopped");
        }
        return (DuckDBConnection) db.duplicate();
    }

    private static void execute(DuckDBConnection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }
}

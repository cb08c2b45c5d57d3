package io.paprika.accel.duckdb;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import io.paprika.spi.ConflictAction;
import io.paprika.spi.IndexSpec;
import io.paprika.spi.LocalFileQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dataset's table. It lives in {@code catalog} (the in-memory database, or the file database
 * attached for it); a file table is shown in the main catalog through a view of the same name.
 */
final class DuckDbTable implements AcceleratedTable {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbTable.class);

    private final Connections connections;
    private final String dataset;
    private final String catalog;
    private final FileCatalogs files;
    private final boolean file;
    private final List<String> primaryKey;
    private final String table;
    private final String stage;
    private final TableIndexes indexes;
    private final AppendMerge merge;

    /** {@code files} is null for a memory table. */
    DuckDbTable(Connections connections, String dataset, String catalog, FileCatalogs files, List<String> primaryKey,
            List<IndexSpec> indexes) {
        this.connections = requireNonNull(connections, "connections");
        this.dataset = requireNonNull(dataset, "dataset");
        this.catalog = requireNonNull(catalog, "catalog");
        this.files = files;
        this.file = files != null;
        this.primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey"));
        String schema = Sql.ident(catalog) + ".main.";
        this.table = schema + Sql.ident(dataset);
        this.stage = schema + Sql.ident(dataset + "__paprika_stage");
        this.indexes = new TableIndexes(dataset, indexes);
        this.merge = new AppendMerge(dataset, table, this.primaryKey, this.indexes);
    }

    /** Loads into a staging table, then swaps it in with one transaction: readers see old or new. */
    @Override
    public synchronized long replace(ArrowReader rows) throws AccelerationException {
        try {
            return replaceWith(conn -> ArrowIngest.createTable(conn, stage, rows));
        } catch (Exception e) {
            throw new AccelerationException("dataset `" + dataset + "`: loading into DuckDB failed: " + e.getMessage(), e);
        }
    }

    /** Like {@link #replace(ArrowReader)}, with this database reading the files itself (in parallel). */
    @Override
    public synchronized OptionalLong replace(LocalFileQuery rows) throws AccelerationException {
        try {
            return OptionalLong.of(replaceWith(conn -> {
                try {
                    execute(conn, "CREATE TABLE " + stage + " AS " + rows.sql());
                } catch (SQLException e) {
                    // The read's own failures (a bad row in the file) read as the connector words them.
                    throw new AccelerationException(rows.explain(e), e);
                }
            }));
        } catch (AccelerationException e) {
            throw e;
        } catch (Exception e) {
            throw new AccelerationException("dataset `" + dataset + "`: loading into DuckDB failed: " + e.getMessage(), e);
        }
    }

    /** How the staging table is created and filled. */
    private interface StageFill {
        void create(DuckDBConnection conn) throws Exception;
    }

    private long replaceWith(StageFill fill) throws Exception {
        long started = System.nanoTime();
        try (DuckDBConnection conn = connections.open()) {
            execute(conn, "DROP TABLE IF EXISTS " + stage);
            try {
                fill.create(conn);
                if (!primaryKey.isEmpty()) {
                    execute(conn, "ALTER TABLE " + stage + " ADD PRIMARY KEY ("
                            + primaryKey.stream().map(Sql::ident).collect(Collectors.joining(", ")) + ")");
                }
                swap(conn);
            } catch (Exception e) {
                dropQuietly(conn, stage);
                throw e;
            }
            if (file) {
                showInMain(conn);
                checkpoint(conn);
            }
            long count = count(conn);
            LOG.debug("dataset {}: loaded {} rows in {} ms", dataset, count, (System.nanoTime() - started) / 1_000_000);
            return count;
        }
    }

    private void swap(DuckDBConnection conn) throws SQLException {
        conn.setAutoCommit(false);
        try {
            execute(conn, "DROP TABLE IF EXISTS " + table);
            execute(conn, "ALTER TABLE " + stage + " RENAME TO " + Sql.ident(dataset));
            // After the rename: DuckDB renames no table that has indexes, and index names are per schema.
            indexes.createOn(conn, table);
            conn.commit();
        } catch (SQLException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }

    /** Stages the rows, then merges them in one transaction (see {@link AppendMerge}). */
    @Override
    public synchronized long append(ArrowReader rows, ConflictAction onConflict) throws AccelerationException {
        requireNonNull(onConflict, "onConflict");
        try (DuckDBConnection conn = connections.open()) {
            boolean create = !exists(conn);
            merge.run(conn, rows, onConflict, create);
            if (file) {
                if (create) {
                    showInMain(conn);
                }
                checkpoint(conn);
            }
            return count(conn);
        } catch (Exception e) {
            throw new AccelerationException("dataset `" + dataset + "`: appending to DuckDB failed: " + e.getMessage(), e);
        }
    }

    /** JDBC's value, with java.sql date-times turned into the java.time types the SPI names. */
    @Override
    public Optional<Object> max(String column) throws AccelerationException {
        try (DuckDBConnection conn = connections.open()) {
            if (!exists(conn)) {
                return Optional.empty();
            }
            List<String> columns = columns(conn);
            if (!columns.contains(column)) {
                throw new AccelerationException("dataset `" + dataset + "`: no column `" + column + "` (columns: "
                        + String.join(", ", columns) + ")");
            }
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery("SELECT max(" + Sql.ident(column) + ") FROM " + table)) {
                rs.next();
                Object value = rs.getObject(1);
                if (value instanceof java.sql.Timestamp t) {
                    value = t.toLocalDateTime();
                } else if (value instanceof java.sql.Date d) {
                    value = d.toLocalDate();
                }
                return Optional.ofNullable(value);
            }
        } catch (SQLException e) {
            throw new AccelerationException("dataset `" + dataset + "`: reading max(" + column + ") failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long delete(String filter) throws AccelerationException {
        requireNonNull(filter, "filter");
        try (DuckDBConnection conn = connections.open()) {
            if (!exists(conn)) {
                return 0;
            }
            long deleted;
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                deleted = st.executeLargeUpdate("DELETE FROM " + table + " WHERE " + filter);
                conn.commit();
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
            if (file && deleted > 0) {
                checkpoint(conn);
            }
            return deleted;
        } catch (SQLException e) {
            throw new AccelerationException("dataset `" + dataset + "`: deleting rows where " + filter + " failed: "
                    + e.getMessage(), e);
        }
    }

    private List<String> columns(DuckDBConnection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT column_name FROM duckdb_columns()"
                + " WHERE database_name = ? AND schema_name = 'main' AND table_name = ? ORDER BY column_index")) {
            ps.setString(1, catalog);
            ps.setString(2, dataset);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    /** (Re)creates the main-catalog view of a file table; replaced each load in case columns changed. */
    void showInMain(DuckDBConnection conn) throws SQLException {
        execute(conn, "CREATE OR REPLACE VIEW main." + Sql.ident(dataset) + " AS SELECT * FROM " + table);
    }

    @Override
    public long rowCount() throws AccelerationException {
        try (DuckDBConnection conn = connections.open()) {
            return exists(conn) ? count(conn) : 0;
        } catch (SQLException e) {
            throw new AccelerationException("dataset `" + dataset + "`: counting rows failed: " + e.getMessage(), e);
        }
    }

    /**
     * A file table: the storage blocks it uses. A memory table keeps no blocks, so rows times
     * columns times 8 bytes, which tracks DuckDB's own in-memory figure within a small factor.
     */
    @Override
    public long sizeBytes() throws AccelerationException {
        String sql = file
                ? "SELECT count(DISTINCT block_id) FILTER (WHERE block_id >= 0) * (SELECT block_size FROM pragma_database_size()"
                        + " WHERE database_name = " + Sql.literal(catalog) + ") FROM pragma_storage_info(" + Sql.literal(table) + ")"
                : "SELECT estimated_size * greatest(column_count, 1) * 8 FROM duckdb_tables()"
                        + " WHERE database_name = " + Sql.literal(catalog) + " AND schema_name = 'main' AND table_name = "
                        + Sql.literal(dataset);
        try (DuckDBConnection conn = connections.open()) {
            if (!exists(conn)) {
                return 0;
            }
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new AccelerationException("dataset `" + dataset + "`: reading the table size failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasData() throws AccelerationException {
        if (!file) {
            return false;
        }
        try (DuckDBConnection conn = connections.open()) {
            return exists(conn);
        } catch (SQLException e) {
            throw new AccelerationException("dataset `" + dataset + "`: checking the file table failed: " + e.getMessage(), e);
        }
    }

    /** Drops a memory table; for a file table drops the view and detaches the file, which stays. */
    @Override
    public synchronized void detach() {
        try (DuckDBConnection conn = connections.open()) {
            if (file) {
                execute(conn, "DROP VIEW IF EXISTS main." + Sql.ident(dataset));
                files.release(catalog);
            } else {
                execute(conn, "DROP TABLE IF EXISTS " + table);
            }
        } catch (SQLException e) {
            LOG.warn("dataset {}: detaching from DuckDB failed: {}", dataset, e.getMessage());
        }
    }

    boolean exists(DuckDBConnection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM duckdb_tables()"
                + " WHERE database_name = ? AND schema_name = 'main' AND table_name = ?")) {
            ps.setString(1, catalog);
            ps.setString(2, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private long count(DuckDBConnection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Writes the file table's changes from the WAL into the file. The change is already committed:
     * when a query still runs (DuckDB then refuses), the checkpoint is left to DuckDB's own, later.
     */
    private void checkpoint(DuckDBConnection conn) {
        try {
            execute(conn, "CHECKPOINT " + Sql.ident(catalog));
        } catch (SQLException e) {
            LOG.debug("dataset {}: checkpoint postponed: {}", dataset, e.getMessage());
        }
    }

    private static void execute(DuckDBConnection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    private static void dropQuietly(DuckDBConnection conn, String name) {
        try {
            execute(conn, "DROP TABLE IF EXISTS " + name);
        } catch (SQLException e) {
            LOG.debug("dropping {} after a failed load failed: {}", name, e.getMessage());
        }
    }
}

package io.paprika.accel.duckdb;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * The database files attached to the engine, one catalog per file. Datasets may share a
 * {@code duckdb_file}: the file is attached once and detached when its last dataset goes.
 */
final class FileCatalogs {
    private final Connections connections;
    private final Map<Path, String> catalogs = new HashMap<>();
    private final Map<String, Integer> users = new HashMap<>();

    FileCatalogs(Connections connections) {
        this.connections = requireNonNull(connections, "connections");
    }

    /** Attaches {@code file} unless it already is; returns its catalog name. */
    synchronized String acquire(DuckDBConnection conn, Path file, String dataset) throws SQLException {
        String catalog = catalogs.get(file);
        if (catalog == null) {
            catalog = "paprika_file_" + dataset;
            execute(conn, "ATTACH IF NOT EXISTS " + Sql.literal(file.toString()) + " AS " + Sql.ident(catalog));
            catalogs.put(file, catalog);
        }
        users.merge(catalog, 1, Integer::sum);
        return catalog;
    }

    /** One dataset no longer uses {@code catalog}; the last one out detaches the file. */
    synchronized void release(String catalog) throws SQLException {
        Integer left = users.computeIfPresent(catalog, (k, n) -> n > 1 ? n - 1 : null);
        if (left == null) {
            catalogs.values().remove(catalog);
            try (DuckDBConnection conn = connections.open()) {
                execute(conn, "DETACH DATABASE IF EXISTS " + Sql.ident(catalog));
            }
        }
    }

    private static void execute(DuckDBConnection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }
}

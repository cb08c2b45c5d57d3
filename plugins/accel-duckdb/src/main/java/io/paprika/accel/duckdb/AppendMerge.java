package io.paprika.accel.duckdb;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.ConflictAction;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.duckdb.DuckDBConnection;

/**
 * Appends rows to a table: the Arrow stream is copied into a connection-private staging table
 * (with each row's arrival position), then merged into the target in one transaction, so a
 * failure changes nothing and readers see the table before or after, never in between.
 */
final class AppendMerge {
    private static final String SEQ = Sql.ident(SequencedReader.COLUMN);

    private final String dataset;
    private final String table;
    private final List<String> primaryKey;
    private final TableIndexes indexes;

    /** {@code table} is the target's quoted, qualified name. */
    AppendMerge(String dataset, String table, List<String> primaryKey, TableIndexes indexes) {
        this.dataset = requireNonNull(dataset, "dataset");
        this.table = requireNonNull(table, "table");
        this.primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey"));
        this.indexes = requireNonNull(indexes, "indexes");
    }

    /** Merges {@code rows}; creates the target first when {@code create}. */
    void run(DuckDBConnection conn, ArrowReader rows, ConflictAction onConflict, boolean create) throws Exception {
        requireNonNull(onConflict, "onConflict");
        List<String> columns = rows.getVectorSchemaRoot().getSchema().getFields().stream().map(Field::getName).toList();
        for (String key : primaryKey) {
            if (!columns.contains(key)) {
                throw new SQLException("primary key column `" + key + "` is not among the appended columns " + columns);
            }
        }
        // A temp table is private to this connection and never touches a dataset's file.
        String name = Sql.ident(dataset + "__paprika_append");
        String stage = "temp.main." + name;
        execute(conn, "DROP TABLE IF EXISTS " + stage);
        try {
            try (SequencedReader sequenced = new SequencedReader(rows, ArrowIngest.allocatorOf(rows))) {
                ArrowIngest.createTable(conn, name, sequenced, true);
            }
            conn.setAutoCommit(false);
            try {
                if (create) {
                    createTarget(conn, stage, columns);
                }
                execute(conn, insert(stage, columns, onConflict));
                conn.commit();
            } catch (Exception e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } finally {
            dropQuietly(conn, stage);
        }
    }

    /** Shaped like the staged rows, with the primary key and indexes a replace would give it. */
    private void createTarget(DuckDBConnection conn, String stage, List<String> columns) throws SQLException {
        execute(conn, "CREATE TABLE " + table + " AS SELECT " + list(columns) + " FROM " + stage + " LIMIT 0");
        if (!primaryKey.isEmpty()) {
            execute(conn, "ALTER TABLE " + table + " ADD PRIMARY KEY (" + list(primaryKey) + ")");
        }
        indexes.createOn(conn, table);
    }

    private String insert(String stage, List<String> columns, ConflictAction onConflict) {
        String into = "INSERT INTO " + table + " (" + list(columns) + ") ";
        if (primaryKey.isEmpty()) {
            return into + withoutKey(stage, columns);
        }
        // One row per key, chosen by arrival: ON CONFLICT cannot touch the same key twice.
        String order = onConflict == ConflictAction.UPSERT ? " DESC" : " ASC";
        String select = "SELECT " + list(columns) + " FROM (SELECT * FROM " + stage + " QUALIFY row_number() OVER"
                + " (PARTITION BY " + list(primaryKey) + " ORDER BY " + SEQ + order + ") = 1) AS incoming ORDER BY " + SEQ;
        List<String> others = columns.stream().filter(c -> !primaryKey.contains(c)).toList();
        String action = onConflict == ConflictAction.DROP || others.isEmpty()
                ? "DO NOTHING"
                : "DO UPDATE SET " + others.stream().map(c -> Sql.ident(c) + " = excluded." + Sql.ident(c))
                        .collect(Collectors.joining(", "));
        return into + select + " ON CONFLICT (" + list(primaryKey) + ") " + action;
    }

    /** Whole-row dedupe, NULLs equal: GROUP BY folds repeats in the batch, the anti-join drops rows already there. */
    private String withoutKey(String stage, List<String> columns) {
        String same = columns.stream()
                .map(c -> "existing." + Sql.ident(c) + " IS NOT DISTINCT FROM incoming." + Sql.ident(c))
                .collect(Collectors.joining(" AND "));
        return "SELECT " + columns.stream().map(c -> "incoming." + Sql.ident(c)).collect(Collectors.joining(", "))
                + " FROM (SELECT " + list(columns) + ", min(" + SEQ + ") AS " + SEQ + " FROM " + stage + " GROUP BY ALL)"
                + " AS incoming WHERE NOT EXISTS (SELECT 1 FROM " + table + " AS existing WHERE " + same + ")"
                + " ORDER BY incoming." + SEQ;
    }

    private static String list(List<String> names) {
        return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
    }

    /** The temp table goes with the connection anyway; a failed drop must not hide the real error. */
    private static void dropQuietly(DuckDBConnection conn, String stage) {
        try {
            execute(conn, "DROP TABLE IF EXISTS " + stage);
        } catch (SQLException ignored) {
            // closed with the connection
        }
    }

    private static void execute(DuckDBConnection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }
}

package io.paprika.accel.duckdb;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.IndexSpec;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * The indexes a dataset's spec asks for. DuckDB cannot rename a table that has indexes, nor
 * rename an index, so they are created on the table under its final name, inside the transaction
 * that (re)creates it: a unique index the data breaks rolls the whole change back.
 */
final class TableIndexes {
    private final String dataset;
    private final List<IndexSpec> indexes;

    TableIndexes(String dataset, List<IndexSpec> indexes) {
        this.dataset = requireNonNull(dataset, "dataset");
        this.indexes = List.copyOf(requireNonNull(indexes, "indexes"));
    }

    /** Index names live in the schema, so they carry the dataset name: {@code <dataset>__idx_<cols>}. */
    String name(IndexSpec index) {
        return dataset + "__idx_" + String.join("_", index.columns());
    }

    /** Creates every index on {@code table} (a quoted name in the same schema). */
    void createOn(DuckDBConnection conn, String table) throws SQLException {
        for (IndexSpec index : indexes) {
            String sql = "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + Sql.ident(name(index)) + " ON " + table
                    + " (" + index.columns().stream().map(Sql::ident).collect(Collectors.joining(", ")) + ")";
            try (Statement st = conn.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new SQLException((index.unique() ? "unique index " : "index ") + Sql.ident(name(index)) + " on "
                        + index.columns() + " could not be created: " + e.getMessage(), e.getSQLState(), e);
            }
        }
    }
}

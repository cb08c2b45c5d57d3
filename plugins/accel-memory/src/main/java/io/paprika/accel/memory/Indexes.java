package io.paprika.accel.memory;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.AccelerationException;
import io.paprika.spi.IndexSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The spicepod's indexes on one dataset's table, named {@code <dataset>__idx_<col>_<col>}. H2 index
 * names are unique per schema, so a staging table gets its indexes under a staging prefix and
 * {@link #renameFromStage} gives them their real names once the old table is gone.
 */
final class Indexes {
    private final String dataset;
    private final List<IndexSpec> specs;

    Indexes(String dataset, List<IndexSpec> specs) {
        this.dataset = requireNonNull(dataset, "dataset");
        this.specs = List.copyOf(requireNonNull(specs, "specs"));
    }

    /** Creates every index on {@code table}; named for the stage when {@code stage}. */
    void create(Connection conn, String table, boolean stage) throws AccelerationException, SQLException {
        for (IndexSpec spec : specs) {
            String name = name(spec, stage);
            String sql = "CREATE " + (spec.unique() ? "UNIQUE " : "") + "INDEX " + Sql.ident(name) + " ON " + table
                    + " (" + ArrowInsert.idents(spec.columns()) + ")";
            try {
                ArrowInsert.execute(conn, sql);
            } catch (SQLException e) {
                throw new AccelerationException("dataset `" + dataset + "`: creating " + (spec.unique() ? "unique " : "")
                        + "index `" + name(spec, false) + "` on " + spec.columns() + " failed"
                        + (spec.unique() ? " (do the rows repeat a value the index must keep unique?)" : "")
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** Gives a swapped-in stage's indexes their real names; the old table's must be dropped already. */
    void renameFromStage(Connection conn) throws SQLException {
        for (IndexSpec spec : specs) {
            ArrowInsert.execute(conn, "ALTER INDEX " + Sql.ident(name(spec, true)) + " RENAME TO " + Sql.ident(name(spec, false)));
        }
    }

    String name(IndexSpec spec, boolean stage) {
        return dataset + (stage ? "__paprika_stage" : "") + "__idx_" + String.join("_", spec.columns());
    }
}

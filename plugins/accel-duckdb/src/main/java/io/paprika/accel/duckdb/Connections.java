package io.paprika.accel.duckdb;

import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/** Hands out connections to the engine's one database; the caller closes each. */
@FunctionalInterface
interface Connections {
    DuckDBConnection open() throws SQLException;
}

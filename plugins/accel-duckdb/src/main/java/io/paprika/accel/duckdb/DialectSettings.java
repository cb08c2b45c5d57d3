package io.paprika.accel.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB settings that give the PostgreSQL semantics Spice users expect (and that the memory
 * engine has too), so a query answers the same in either engine.
 */
final class DialectSettings {
    private DialectSettings() {
    }

    /**
     * Applies the settings database-wide ({@code SET GLOBAL}), so every connection duplicated from
     * {@code c} later has them.
     */
    static void apply(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // PostgreSQL: nulls are the largest values, last ascending and first descending.
            // DuckDB's default puts them last both ways.
            st.execute("SET GLOBAL default_null_order = 'nulls_last_on_asc_first_on_desc'");
            // PostgreSQL: an integer divided by an integer is an integer, truncated toward zero
            // (7 / 2 = 3, -7 / 2 = -3). DuckDB's default `/` gives a double.
            st.execute("SET GLOBAL integer_division = true");
        }
    }
}

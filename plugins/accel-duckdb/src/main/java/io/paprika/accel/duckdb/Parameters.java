package io.paprika.accel.duckdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Binds a query's {@code ?} parameters, in order, from the Java values the SPI allows. */
final class Parameters {
    private Parameters() {
    }

    static void bind(PreparedStatement st, List<Object> values) throws SQLException {
        int expected = st.getParameterMetaData().getParameterCount();
        if (values.size() != expected) {
            throw new SQLException("the query takes " + expected + " parameter(s) but " + values.size()
                    + " were given", "07001");
        }
        for (int i = 0; i < expected; i++) {
            try {
                // A null binds DuckDB's untyped NULL, which every parameter type accepts.
                st.setObject(i + 1, toDuckDb(values.get(i)));
            } catch (SQLException e) {
                throw new SQLException("parameter " + (i + 1) + ": " + e.getMessage(), e.getSQLState(), e);
            }
        }
    }

    /** DuckDB's binder knows OffsetDateTime but not Instant; both are a TIMESTAMPTZ. */
    static Object toDuckDb(Object value) {
        return value instanceof Instant ? ((Instant) value).atOffset(ZoneOffset.UTC) : value;
    }
}

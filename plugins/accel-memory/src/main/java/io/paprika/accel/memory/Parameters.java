package io.paprika.accel.memory;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Binds a query's {@code ?} parameters, in order. H2 takes every Java value the SPI allows as is
 * (java.time types, Instant and OffsetDateTime included); a null binds SQL NULL.
 */
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
            st.setObject(i + 1, values.get(i));
        }
    }
}

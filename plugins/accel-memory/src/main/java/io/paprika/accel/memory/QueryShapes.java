package io.paprika.accel.memory;

import io.paprika.spi.QueryShape;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.adapter.jdbc.JdbcFieldInfo;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfig;
import org.apache.arrow.adapter.jdbc.JdbcToArrowUtils;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Describes a query from H2's compiled statement, which knows its columns and parameters before
 * it runs. The columns go through the same {@link JdbcArrowConfig} as a query's results, so the
 * schema is the one {@code query} streams.
 */
final class QueryShapes {
    private QueryShapes() {
    }

    static QueryShape describe(Connection conn, String sql, JdbcToArrowConfig config) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(sql)) {
            ResultSetMetaData columns = st.getMetaData();
            if (columns == null) {
                throw new SQLException("only queries can be described: the statement returns no rows", "42000");
            }
            return new QueryShape(JdbcToArrowUtils.jdbcToArrowSchema(columns, config),
                    parameters(st.getParameterMetaData(), config));
        }
    }

    /**
     * One nullable field per {@code ?}, named {@code $1}, {@code $2}, ...; H2 reports a parameter
     * it cannot type as CHARACTER VARYING, so it is text.
     */
    static Schema parameters(ParameterMetaData meta, JdbcToArrowConfig config) throws SQLException {
        List<Field> fields = new ArrayList<>();
        for (int i = 1; i <= meta.getParameterCount(); i++) {
            JdbcFieldInfo info = new JdbcFieldInfo(meta.getParameterType(i), meta.getPrecision(i), meta.getScale(i));
            fields.add(Field.nullable("$" + i, config.getJdbcToArrowTypeConverter().apply(info)));
        }
        return new Schema(fields);
    }
}

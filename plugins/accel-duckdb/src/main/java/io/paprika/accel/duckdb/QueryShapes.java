package io.paprika.accel.duckdb;

import io.paprika.spi.QueryShape;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.duckdb.DuckDBResultSetMetaData;
import org.duckdb.StatementReturnType;

/**
 * Describes a query without running it. The result schema comes from DuckDB's own Arrow export of
 * the query wrapped as {@code SELECT * FROM (query) LIMIT 0} with every parameter NULL: DuckDB
 * plans it and produces no rows, and the types cannot drift from what {@code query} streams.
 * Statements that cannot be nested (PRAGMA, EXPLAIN, CALL, several statements) fall back to
 * DuckDB's JDBC column metadata.
 */
final class QueryShapes {
    private QueryShapes() {
    }

    static QueryShape describe(DuckDBConnection conn, String sql, BufferAllocator allocator) throws SQLException {
        // Preparing several statements runs all but the last: do it in a transaction that is undone.
        conn.setAutoCommit(false);
        try {
            QueryShape shape;
            try (PreparedStatement st = conn.prepareStatement(sql)) {
                ResultSetMetaData columns = st.getMetaData();
                if (((DuckDBResultSetMetaData) columns).getReturnType() != StatementReturnType.QUERY_RESULT) {
                    throw new SQLException("only queries can be described: the statement returns no rows", "42000");
                }
                Schema parameters = parameters(st.getParameterMetaData());
                Optional<Schema> result = emptyResult(conn, sql, columns, parameters.getFields().size(), allocator);
                shape = new QueryShape(result.isPresent() ? result.get() : fromMetadata(columns), parameters);
            }
            conn.rollback();
            return shape;
        } catch (SQLException | RuntimeException e) {
            try {
                conn.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    /** One nullable field per {@code ?}, named {@code $1}, {@code $2}, ... as DuckDB numbers them. */
    static Schema parameters(ParameterMetaData meta) throws SQLException {
        List<Field> fields = new ArrayList<>();
        for (int i = 1; i <= meta.getParameterCount(); i++) {
            fields.add(Field.nullable("$" + i, JdbcArrowTypes.of(meta.getParameterType(i),
                    meta.getParameterTypeName(i), meta.getPrecision(i), meta.getScale(i))));
        }
        return new Schema(fields);
    }

    private static Optional<Schema> emptyResult(DuckDBConnection conn, String sql, ResultSetMetaData columns,
            int parameterCount, BufferAllocator allocator) throws SQLException {
        // New lines, so a trailing "-- comment" cannot swallow the closing parenthesis.
        String empty = "SELECT * FROM (\n" + withoutTrailingSemicolons(sql) + "\n) AS paprika_shape LIMIT 0";
        try (PreparedStatement st = conn.prepareStatement(empty)) {
            if (st.getParameterMetaData().getParameterCount() != parameterCount) {
                return Optional.empty();
            }
            for (int i = 1; i <= parameterCount; i++) {
                st.setObject(i, null);
            }
            try (ResultSet rs = st.executeQuery();
                    ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator, 1)) {
                Schema schema = reader.getVectorSchemaRoot().getSchema();
                if (!resolved(columns)) {
                    return Optional.of(schema);
                }
                List<Field> fields = schema.getFields();
                if (fields.size() != columns.getColumnCount()) {
                    return Optional.empty();
                }
                // The subquery renames repeated names (a, a_1); the query itself keeps them.
                List<Field> named = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    Field f = fields.get(i);
                    named.add(new Field(columns.getColumnName(i + 1), f.getFieldType(), f.getChildren()));
                }
                return Optional.of(new Schema(named));
            }
        } catch (SQLException e) {
            return Optional.empty();
        } catch (java.io.IOException e) {
            throw new SQLException("reading the result schema failed: " + e.getMessage(), e);
        }
    }

    /**
     * DuckDB reports one column of type UNKNOWN until every parameter has a type; the names then
     * come from the subquery, which renames repeated ones.
     */
    private static boolean resolved(ResultSetMetaData columns) throws SQLException {
        return !(columns.getColumnCount() == 1 && "UNKNOWN".equals(columns.getColumnTypeName(1)));
    }

    private static Schema fromMetadata(ResultSetMetaData columns) throws SQLException {
        List<Field> fields = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            fields.add(Field.nullable(columns.getColumnName(i), JdbcArrowTypes.of(columns.getColumnType(i),
                    columns.getColumnTypeName(i), columns.getPrecision(i), columns.getScale(i))));
        }
        return new Schema(fields);
    }

    static String withoutTrailingSemicolons(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}

package io.paprika.accel.memory;

import io.paprika.spi.AccelerationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Creates an H2 table shaped like an Arrow stream and fills it. H2 has no Arrow import, so rows go
 * through one prepared statement, sent as one JDBC batch per Arrow batch.
 */
final class ArrowInsert {
    /** The extra column an append's staging table numbers rows in, so duplicates resolve in stream order. */
    static final String SEQUENCE = "__paprika_seq";

    private ArrowInsert() {
    }

    /** Creates {@code target} (quoted) and inserts every row; returns the rows inserted. */
    static long createAndFill(Connection conn, String dataset, String target, List<String> primaryKey,
            ArrowReader rows) throws AccelerationException, SQLException, java.io.IOException {
        List<Field> fields = fields(dataset, rows);
        execute(conn, createTable(dataset, target, fields, primaryKey, false));
        return fill(conn, target, rows, false);
    }

    /** The stream's columns; an error when there are none. */
    static List<Field> fields(String dataset, ArrowReader rows) throws AccelerationException, java.io.IOException {
        List<Field> fields = rows.getVectorSchemaRoot().getSchema().getFields();
        if (fields.isEmpty()) {
            throw new AccelerationException("dataset `" + dataset + "`: the rows have no columns");
        }
        return fields;
    }

    /**
     * Inserts every remaining row of {@code rows} into {@code target}, whose columns are the
     * stream's (plus {@link #SEQUENCE} last, numbered from 0, when {@code sequence}).
     */
    static long fill(Connection conn, String target, ArrowReader rows, boolean sequence)
            throws SQLException, java.io.IOException {
        VectorSchemaRoot root = rows.getVectorSchemaRoot();
        int width = root.getSchema().getFields().size();
        String insert = "INSERT INTO " + target + " VALUES ("
                + String.join(", ", Collections.nCopies(width + (sequence ? 1 : 0), "?")) + ")";
        long total = 0;
        try (PreparedStatement ps = conn.prepareStatement(insert)) {
            while (rows.loadNextBatch()) {
                List<ColumnValues> columns = new ArrayList<>();
                for (FieldVector v : root.getFieldVectors()) {
                    columns.add(ColumnValues.of(v));
                }
                int n = root.getRowCount();
                for (int row = 0; row < n; row++) {
                    for (int c = 0; c < width; c++) {
                        ps.setObject(c + 1, columns.get(c).get(row));
                    }
                    if (sequence) {
                        ps.setLong(width + 1, total + row);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
                total += n;
            }
        }
        return total;
    }

    /** {@code CREATE TABLE target (...)} for the fields, with a primary key and the sequence column when asked. */
    static String createTable(String dataset, String target, List<Field> fields, List<String> primaryKey,
            boolean sequence) throws AccelerationException {
        List<String> columns = new ArrayList<>();
        for (Field f : fields) {
            columns.add(Sql.ident(f.getName()) + " " + H2Types.columnType(dataset, f));
        }
        if (sequence) {
            columns.add(Sql.ident(SEQUENCE) + " BIGINT NOT NULL");
        }
        if (!primaryKey.isEmpty()) {
            columns.add("PRIMARY KEY (" + idents(primaryKey) + ")");
        }
        return "CREATE TABLE " + target + " (" + String.join(", ", columns) + ")";
    }

    /** Quoted names, comma-separated. */
    static String idents(List<String> names) {
        return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
    }

    static void execute(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }
}

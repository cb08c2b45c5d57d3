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
    private ArrowInsert() {
    }

    /** Creates {@code target} (quoted) and inserts every row; returns the rows inserted. */
    static long createAndFill(Connection conn, String dataset, String target, List<String> primaryKey,
            ArrowReader rows) throws AccelerationException, SQLException, java.io.IOException {
        VectorSchemaRoot root = rows.getVectorSchemaRoot();
        List<Field> fields = root.getSchema().getFields();
        if (fields.isEmpty()) {
            throw new AccelerationException("dataset `" + dataset + "`: the rows have no columns");
        }
        try (Statement st = conn.createStatement()) {
            st.execute(createTable(dataset, target, fields, primaryKey));
        }
        String insert = "INSERT INTO " + target + " VALUES ("
                + String.join(", ", Collections.nCopies(fields.size(), "?")) + ")";
        long total = 0;
        try (PreparedStatement ps = conn.prepareStatement(insert)) {
            while (rows.loadNextBatch()) {
                List<ColumnValues> columns = new ArrayList<>();
                for (FieldVector v : root.getFieldVectors()) {
                    columns.add(ColumnValues.of(v));
                }
                int n = root.getRowCount();
                for (int row = 0; row < n; row++) {
                    for (int c = 0; c < columns.size(); c++) {
                        ps.setObject(c + 1, columns.get(c).get(row));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
                total += n;
            }
        }
        return total;
    }

    private static String createTable(String dataset, String target, List<Field> fields, List<String> primaryKey)
            throws AccelerationException {
        List<String> columns = new ArrayList<>();
        for (Field f : fields) {
            columns.add(Sql.ident(f.getName()) + " " + H2Types.columnType(dataset, f));
        }
        if (!primaryKey.isEmpty()) {
            columns.add("PRIMARY KEY (" + primaryKey.stream().map(Sql::ident).collect(Collectors.joining(", ")) + ")");
        }
        return "CREATE TABLE " + target + " (" + String.join(", ", columns) + ")";
    }
}

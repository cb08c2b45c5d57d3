package io.paprika.connector.common;

import io.paprika.spi.ArrowStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/** Test helper: drains a stream into rows of column name to value (as strings), then closes it. */
public final class Rows {
    private Rows() {
    }

    public static List<Map<String, String>> drain(ArrowStream stream) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (stream) {
            ArrowReader reader = stream.reader();
            while (reader.loadNextBatch()) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                for (int i = 0; i < root.getRowCount(); i++) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (FieldVector v : root.getFieldVectors()) {
                        Object value = v.getObject(i);
                        row.put(v.getName(), value == null ? null : value.toString());
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}

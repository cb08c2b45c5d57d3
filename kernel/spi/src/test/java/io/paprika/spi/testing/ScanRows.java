package io.paprika.spi.testing;

import io.paprika.spi.ArrowStream;
import io.paprika.spi.ScanResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Test support for plugins: drains a scan's rows into maps of column to value (as strings), closing the stream. */
public final class ScanRows {
    private ScanRows() {
    }

    public static List<Map<String, String>> drain(ScanResult result) throws Exception {
        return drain(result.rows().orElseThrow());
    }

    /** Drains and closes the stream. */
    public static List<Map<String, String>> drain(ArrowStream stream) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (stream) {
            while (stream.reader().loadNextBatch()) {
                VectorSchemaRoot root = stream.reader().getVectorSchemaRoot();
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

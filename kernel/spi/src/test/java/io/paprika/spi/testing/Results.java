package io.paprika.spi.testing;

import io.paprika.spi.ArrowStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/** A query's result read to the end: its schema and every row as a list of column values. */
public record Results(Schema schema, List<List<Object>> rows) {

    public static Results read(ArrowStream stream) throws Exception {
        try (stream) {
            ArrowReader reader = stream.reader();
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            List<List<Object>> rows = new ArrayList<>();
            while (reader.loadNextBatch()) {
                for (int r = 0; r < root.getRowCount(); r++) {
                    List<Object> row = new ArrayList<>();
                    for (var v : root.getFieldVectors()) {
                        Object o = v.getObject(r);
                        row.add(o instanceof org.apache.arrow.vector.util.Text ? o.toString() : o);
                    }
                    rows.add(row);
                }
            }
            return new Results(root.getSchema(), rows);
        }
    }

    public long single() {
        return ((Number) rows.get(0).get(0)).longValue();
    }
}

package io.paprika.kernel.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/** Streams an Arrow result to an HTTP body, batch by batch, in one format. */
abstract class ResultWriter {

    /** Picks the format from an {@code Accept} header: JSON unless CSV or plain text is asked for. */
    static ResultWriter forAccept(String accept) {
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (a.contains("text/csv")) {
            return new CsvResultWriter();
        }
        if (a.contains("text/plain")) {
            return new TextTableWriter();
        }
        return new JsonResultWriter();
    }

    abstract String contentType();

    /** Writes every batch of the reader; returns the number of rows written. */
    final long write(ArrowReader reader, OutputStream out) throws IOException {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        List<String> columns = root.getSchema().getFields().stream().map(f -> f.getName()).toList();
        begin(columns, out);
        long rows = 0;
        while (reader.loadNextBatch()) {
            batch(root, out);
            rows += root.getRowCount();
            out.flush();
        }
        end(out);
        return rows;
    }

    abstract void begin(List<String> columns, OutputStream out) throws IOException;

    abstract void batch(VectorSchemaRoot root, OutputStream out) throws IOException;

    abstract void end(OutputStream out) throws IOException;
}

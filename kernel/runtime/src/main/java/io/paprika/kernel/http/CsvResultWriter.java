package io.paprika.kernel.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** {@code text/csv}: a header line, then one line per row. */
final class CsvResultWriter extends ResultWriter {
    private CSVPrinter csv;
    private OutputStreamWriter writer;

    @Override
    String contentType() {
        return "text/csv";
    }

    @Override
    void begin(List<String> columns, OutputStream out) throws IOException {
        writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        csv.printRecord(columns);
    }

    @Override
    void batch(VectorSchemaRoot root, OutputStream out) throws IOException {
        List<FieldVector> vectors = root.getFieldVectors();
        for (int row = 0; row < root.getRowCount(); row++) {
            for (FieldVector v : vectors) {
                Object value = ArrowValues.get(v, row);
                csv.print(value instanceof byte[] b ? java.util.Base64.getEncoder().encodeToString(b) : value);
            }
            csv.println();
        }
        csv.flush();
    }

    @Override
    void end(OutputStream out) throws IOException {
        csv.flush();
        writer.flush();
    }
}

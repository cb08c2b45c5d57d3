package io.paprika.kernel.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** {@code application/json}: an array of row objects, as Spice answers {@code /v1/sql}. */
final class JsonResultWriter extends ResultWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private JsonGenerator json;
    private List<String> columns;

    @Override
    String contentType() {
        return "application/json";
    }

    @Override
    void begin(List<String> columns, OutputStream out) throws IOException {
        this.columns = columns;
        json = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartArray();
    }

    @Override
    void batch(VectorSchemaRoot root, OutputStream out) throws IOException {
        List<FieldVector> vectors = root.getFieldVectors();
        for (int row = 0; row < root.getRowCount(); row++) {
            json.writeStartObject();
            for (int c = 0; c < vectors.size(); c++) {
                json.writeFieldName(columns.get(c));
                MAPPER.writeValue(json, ArrowValues.get(vectors.get(c), row));
            }
            json.writeEndObject();
        }
        json.flush();
    }

    @Override
    void end(OutputStream out) throws IOException {
        json.writeEndArray();
        json.close();
    }
}

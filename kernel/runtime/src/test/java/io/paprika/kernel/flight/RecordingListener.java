package io.paprika.kernel.flight;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;

/**
 * Stands in for the gRPC stream: keeps the schema, a plain-Java copy of every batch at putNext
 * (the producer closes its root right after), and how the stream ended.
 */
final class RecordingListener implements ServerStreamListener {
    Schema schema;
    final List<List<List<Object>>> batches = new ArrayList<>();
    boolean completed;
    Throwable error;
    private VectorSchemaRoot root;

    /** Every row of every batch; each row lists its cells in column order. */
    List<List<Object>> rows() {
        List<List<Object>> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }

    /** One column of every row. */
    List<Object> column(String name) {
        int index = schema.getFields().indexOf(schema.findField(name));
        return rows().stream().map(row -> row.get(index)).toList();
    }

    @Override
    public void start(VectorSchemaRoot root, DictionaryProvider dictionaries, IpcOption option) {
        this.root = root;
        this.schema = root.getSchema();
    }

    @Override
    public void putNext() {
        List<List<Object>> batch = new ArrayList<>();
        for (int row = 0; row < root.getRowCount(); row++) {
            List<Object> cells = new ArrayList<>();
            for (FieldVector vector : root.getFieldVectors()) {
                cells.add(plain(vector.getObject(row)));
            }
            batch.add(cells);
        }
        batches.add(batch);
    }

    /** Arrow's Text and list wrappers become String and List, so tests compare with literals. */
    private static Object plain(Object value) {
        if (value instanceof Text text) {
            return text.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RecordingListener::plain).toList();
        }
        return value;
    }

    @Override
    public void putNext(ArrowBuf metadata) {
        putNext();
    }

    @Override
    public void putMetadata(ArrowBuf metadata) {}

    @Override
    public void error(Throwable t) {
        error = t;
    }

    @Override
    public void completed() {
        completed = true;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void setOnCancelHandler(Runnable handler) {}
}

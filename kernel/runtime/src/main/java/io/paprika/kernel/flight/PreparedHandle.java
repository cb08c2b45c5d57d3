package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * A Flight SQL prepared statement carried whole in its handle: the SQL and, once bound, the
 * parameter row as Arrow IPC. The server keeps nothing, so a statement prepared on one replica runs
 * on any other behind a load balancer; binding parameters answers with a new handle that holds
 * them (the client sends that one on, as the Flight SQL spec allows).
 */
record PreparedHandle(String sql, byte[] parameterBatch) {
    private static final int MAGIC = 0x504B5031; // "PKP1"

    PreparedHandle {
        requireNonNull(sql, "sql");
        parameterBatch = parameterBatch == null ? new byte[0] : parameterBatch.clone();
    }

    static PreparedHandle of(String sql) {
        return new PreparedHandle(sql, null);
    }

    /** The handle with {@code parameters} (one row) bound in place of any earlier binding. */
    PreparedHandle bind(VectorSchemaRoot parameters) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArrowStreamWriter writer = new ArrowStreamWriter(parameters, null, Channels.newChannel(bytes))) {
            writer.start();
            writer.writeBatch();
            writer.end();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode prepared statement parameters", e);
        }
        return new PreparedHandle(sql, bytes.toByteArray());
    }

    /** The bound parameter row as Java values, empty when nothing was bound. */
    List<Object> parameters(BufferAllocator allocator) {
        if (parameterBatch.length == 0) {
            return List.of();
        }
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(parameterBatch), allocator)) {
            return reader.loadNextBatch() && reader.getVectorSchemaRoot().getRowCount() == 1
                    ? ParameterValues.row(reader.getVectorSchemaRoot(), 0) : List.of();
        } catch (IOException e) {
            throw FlightErrors.invalid("the prepared statement handle holds unreadable parameters: " + e.getMessage());
        }
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] text = sql.getBytes(StandardCharsets.UTF_8);
            out.writeInt(MAGIC);
            out.writeInt(text.length);
            out.write(text);
            out.writeInt(parameterBatch.length);
            out.write(parameterBatch);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    static PreparedHandle decode(byte[] handle) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(handle))) {
            if (handle.length < 12 || in.readInt() != MAGIC) {
                throw notAHandle();
            }
            byte[] text = readBlock(in, handle.length);
            byte[] batch = readBlock(in, handle.length);
            return new PreparedHandle(new String(text, StandardCharsets.UTF_8), batch);
        } catch (IOException e) {
            throw notAHandle();
        }
    }

    private static byte[] readBlock(DataInputStream in, int limit) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > limit) {
            throw notAHandle();
        }
        byte[] block = in.readNBytes(length);
        if (block.length != length) {
            throw notAHandle();
        }
        return block;
    }

    private static RuntimeException notAHandle() {
        return FlightErrors.invalid("not a prepared statement handle of this runtime; prepare the statement again");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedHandle h && h.sql.equals(sql) && Arrays.equals(h.parameterBatch, parameterBatch);
    }

    @Override
    public int hashCode() {
        return 31 * sql.hashCode() + Arrays.hashCode(parameterBatch);
    }

    @Override
    public String toString() {
        return "PreparedHandle[" + sql + ", " + parameterBatch.length + " parameter bytes]";
    }
}

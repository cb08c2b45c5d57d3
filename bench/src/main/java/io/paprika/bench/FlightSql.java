package io.paprika.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Arrow's own FlightSqlClient against the runtime's {@code --flight} port, as a Java application uses it. */
final class FlightSql implements AutoCloseable {
    private final BufferAllocator allocator;
    private final FlightClient client;
    private final FlightSqlClient sql;

    FlightSql(BufferAllocator allocator, int port) {
        this.allocator = requireNonNull(allocator, "allocator");
        this.client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", port)).build();
        this.sql = new FlightSqlClient(client);
    }

    /** Runs a query and reads every batch of every endpoint. */
    Batches query(String query) throws Exception {
        return read(sql.execute(query));
    }

    private Batches read(FlightInfo info) throws Exception {
        Batches total = Batches.NONE;
        for (FlightEndpoint endpoint : info.getEndpoints()) {
            try (FlightStream stream = sql.getStream(endpoint.getTicket())) {
                while (stream.next()) {
                    total = total.plus(stream.getRoot());
                }
            }
        }
        return total;
    }

    /** A prepared {@code ... WHERE id = ?} whose one BIGINT parameter is bound per call. */
    Lookup prepareLookup(String query) {
        return new Lookup(sql.prepare(query));
    }

    final class Lookup implements AutoCloseable {
        private final FlightSqlClient.PreparedStatement statement;
        private final VectorSchemaRoot parameters;
        private final BigIntVector id;

        private Lookup(FlightSqlClient.PreparedStatement statement) {
            this.statement = requireNonNull(statement, "statement");
            Field field = new Field("id", FieldType.nullable(new ArrowType.Int(64, true)), null);
            this.parameters = VectorSchemaRoot.create(new Schema(List.of(field)), allocator);
            this.id = (BigIntVector) parameters.getVector(0);
        }

        /** Binds {@code key}, executes and reads the result; returns the rows found. */
        long find(long key) throws Exception {
            id.setSafe(0, key);
            parameters.setRowCount(1);
            statement.setParameters(parameters);
            return read(statement.execute()).rows();
        }

        @Override
        public void close() {
            statement.close();
            parameters.close();
        }
    }

    @Override
    public void close() throws Exception {
        sql.close();
    }
}

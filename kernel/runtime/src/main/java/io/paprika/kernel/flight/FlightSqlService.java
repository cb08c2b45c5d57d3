package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.paprika.kernel.dataset.Dataset;
import io.paprika.kernel.dataset.DatasetManager;
import io.paprika.kernel.metrics.QueryMetrics;
import io.paprika.kernel.query.QueryException;
import io.paprika.kernel.query.QueryService;
import io.paprika.kernel.query.cache.CachedQueries;
import io.paprika.spi.QueryShape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Arrow Flight SQL over the runtime's datasets: statements and prepared statements run once, at
 * DoGet, and stream; metadata commands answer from the catalog. Plain Flight clients may send SQL
 * as UTF-8 in the descriptor or the ticket, as Spice allows.
 */
public final class FlightSqlService extends MetadataCommands {
    private static final Logger LOG = LoggerFactory.getLogger(FlightSqlService.class);
    private static final String FLIGHT_SQL_TYPE_PREFIX = "type.googleapis.com/arrow.flight.protocol.sql.";

    private final QueryService queries;
    /** Statement execution goes through the results cache shared with HTTP. */
    private final CachedQueries cachedQueries;
    private final DatasetManager datasets;
    private final BufferAllocator allocator;
    private final DatasetCatalog catalog;
    private final QueryMetrics queryMetrics;
    private final DescribedShapes shapes = new DescribedShapes(this::describe);
    /** Query allocators close once gRPC has written their last batches (see {@link DrainedAllocators}). */
    private final DrainedAllocators drained = new DrainedAllocators();
    /** Streams go on here once the client is not ready for a batch (see {@link FlightQuery}). */
    private final ExecutorService streams = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "paprika-flight-stream");
        t.setDaemon(true);
        return t;
    });

    public FlightSqlService(QueryService queries, DatasetManager datasets, BufferAllocator allocator, String version) {
        this(new CachedQueries(queries, java.util.Optional.empty()), queries, datasets, allocator, version,
                QueryMetrics.detached());
    }

    /** @param queryMetrics counts the statements run, their rows, time and failures */
    public FlightSqlService(CachedQueries cachedQueries, QueryService queries, DatasetManager datasets,
            BufferAllocator allocator, String version, QueryMetrics queryMetrics) {
        this(cachedQueries, queries, datasets, allocator, version, new DatasetCatalog(queries), queryMetrics);
    }

    private FlightSqlService(CachedQueries cachedQueries, QueryService queries, DatasetManager datasets,
            BufferAllocator allocator, String version, DatasetCatalog catalog, QueryMetrics queryMetrics) {
        super(new FlightMetadata(catalog, allocator, version));
        this.cachedQueries = requireNonNull(cachedQueries, "cachedQueries");
        this.queries = requireNonNull(queries, "queries");
        this.datasets = requireNonNull(datasets, "datasets");
        this.allocator = requireNonNull(allocator, "allocator");
        this.catalog = catalog;
        this.queryMetrics = requireNonNull(queryMetrics, "queryMetrics");
        datasets.onRowsChanged(shapes::datasetChanged);
    }

    // ---- statements -------------------------------------------------------------------------

    @Override
    public FlightInfo getFlightInfoStatement(FlightSql.CommandStatementQuery command, CallContext context,
            FlightDescriptor descriptor) {
        String sql = command.getQuery();
        FlightSql.TicketStatementQuery ticket = FlightSql.TicketStatementQuery.newBuilder()
                .setStatementHandle(ByteString.copyFromUtf8(sql)).build();
        return info(shapes.of(sql).result(), descriptor, Any.pack(ticket).toByteArray());
    }

    @Override
    public SchemaResult getSchemaStatement(FlightSql.CommandStatementQuery command, CallContext context,
            FlightDescriptor descriptor) {
        return new SchemaResult(shapes.of(command.getQuery()).result());
    }

    @Override
    public void getStreamStatement(FlightSql.TicketStatementQuery ticket, CallContext context,
            ServerStreamListener listener) {
        run(ticket.getStatementHandle().toStringUtf8(), List.of(), listener);
    }

    // ---- prepared statements ------------------------------------------------------------------

    @Override
    public void createPreparedStatement(FlightSql.ActionCreatePreparedStatementRequest request, CallContext context,
            StreamListener<Result> listener) {
        try {
            QueryShape shape = shapes.prepare(request.getQuery());
            byte[] handle = PreparedHandle.of(request.getQuery()).encode();
            FlightSql.ActionCreatePreparedStatementResult result = FlightSql.ActionCreatePreparedStatementResult
                    .newBuilder().setPreparedStatementHandle(ByteString.copyFrom(handle))
                    .setDatasetSchema(ByteString.copyFrom(shape.result().serializeAsMessage()))
                    .setParameterSchema(ByteString.copyFrom(shape.parameters().serializeAsMessage())).build();
            listener.onNext(new Result(Any.pack(result).toByteArray()));
            listener.onCompleted();
        } catch (FlightRuntimeException e) {
            listener.onError(e);
        }
    }

    /** Nothing to free: the statement lives in its handle (see {@link PreparedHandle}). */
    @Override
    public void closePreparedStatement(FlightSql.ActionClosePreparedStatementRequest request, CallContext context,
            StreamListener<Result> listener) {
        listener.onCompleted();
    }

    /** Binds one parameter row by answering with a handle that carries it. */
    @Override
    public Runnable acceptPutPreparedStatementQuery(FlightSql.CommandPreparedStatementQuery command,
            CallContext context, FlightStream stream, StreamListener<PutResult> ack) {
        return () -> {
            PreparedHandle handle = PreparedHandle.decode(command.getPreparedStatementHandle().toByteArray());
            PreparedHandle bound = handle;
            int rows = 0;
            while (stream.next()) {
                int batchRows = stream.getRoot().getRowCount();
                if (batchRows > 0) {
                    bound = handle.bind(stream.getRoot());
                }
                rows += batchRows;
            }
            if (rows > 1) {
                ack.onError(FlightErrors.invalid("bind one row of parameters per execution; got " + rows));
                return;
            }
            byte[] result = FlightSql.DoPutPreparedStatementResult.newBuilder()
                    .setPreparedStatementHandle(ByteString.copyFrom(bound.encode())).build().toByteArray();
            try (ArrowBuf metadata = allocator.buffer(result.length)) {
                metadata.writeBytes(result);
                ack.onNext(PutResult.metadata(metadata));
            }
            ack.onCompleted();
        };
    }

    @Override
    public FlightInfo getFlightInfoPreparedStatement(FlightSql.CommandPreparedStatementQuery command,
            CallContext context, FlightDescriptor descriptor) {
        PreparedHandle handle = PreparedHandle.decode(command.getPreparedStatementHandle().toByteArray());
        return info(shapes.of(handle.sql()).result(), descriptor, Any.pack(command).toByteArray());
    }

    @Override
    public SchemaResult getSchemaPreparedStatement(FlightSql.CommandPreparedStatementQuery command,
            CallContext context, FlightDescriptor descriptor) {
        PreparedHandle handle = PreparedHandle.decode(command.getPreparedStatementHandle().toByteArray());
        return new SchemaResult(shapes.of(handle.sql()).result());
    }

    @Override
    public void getStreamPreparedStatement(FlightSql.CommandPreparedStatementQuery command, CallContext context,
            ServerStreamListener listener) {
        PreparedHandle handle;
        List<Object> parameters;
        try {
            handle = PreparedHandle.decode(command.getPreparedStatementHandle().toByteArray());
            parameters = handle.parameters(allocator);
        } catch (FlightRuntimeException e) {
            listener.error(e);
            return;
        }
        run(handle.sql(), parameters, listener);
    }

    // ---- writes are refused: the runtime is read-only -----------------------------------------

    @Override
    public Runnable acceptPutStatement(FlightSql.CommandStatementUpdate command, CallContext context,
            FlightStream stream, StreamListener<PutResult> ack) {
        return () -> ack.onError(FlightErrors.invalid("the runtime is read-only: updates are not accepted"));
    }

    @Override
    public Runnable acceptPutPreparedStatementUpdate(FlightSql.CommandPreparedStatementUpdate command,
            CallContext context, FlightStream stream, StreamListener<PutResult> ack) {
        return () -> ack.onError(FlightErrors.invalid("the runtime is read-only: updates are not accepted"));
    }

    // ---- plain Flight: SQL as a UTF-8 command or ticket, datasets as flights -------------------

    @Override
    public FlightInfo getFlightInfo(CallContext context, FlightDescriptor descriptor) {
        if (descriptor.isCommand() && isFlightSql(descriptor.getCommand())) {
            return flightSqlInfo(context, descriptor);
        }
        String sql = sqlOf(descriptor);
        return info(describe(sql).result(), descriptor, sql.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public SchemaResult getSchema(CallContext context, FlightDescriptor descriptor) {
        if (descriptor.isCommand() && isFlightSql(descriptor.getCommand())) {
            return flightSqlSchema(context, descriptor);
        }
        return new SchemaResult(describe(sqlOf(descriptor)).result());
    }

    @Override
    public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
        if (isFlightSql(ticket.getBytes())) {
            flightSqlStream(context, ticket, listener);
            return;
        }
        run(new String(ticket.getBytes(), StandardCharsets.UTF_8), List.of(), listener);
    }

    @Override
    public void listFlights(CallContext context, Criteria criteria, StreamListener<FlightInfo> listener) {
        for (Dataset d : datasets.all()) {
            Schema schema = queries.catalog().find(d.name()).flatMap(e -> e.schema().get())
                    .orElse(new Schema(List.of()));
            String sql = DatasetCatalog.selectAll(d.name());
            listener.onNext(new FlightInfo(schema, FlightDescriptor.path(d.name()),
                    List.of(new FlightEndpoint(new Ticket(sql.getBytes(StandardCharsets.UTF_8)))), -1,
                    d.loadedOnce() ? d.rowCount() : -1));
        }
        listener.onCompleted();
    }

    private static String sqlOf(FlightDescriptor descriptor) {
        if (descriptor.isCommand()) {
            return new String(descriptor.getCommand(), StandardCharsets.UTF_8);
        }
        if (descriptor.getPath().size() == 1) {
            return DatasetCatalog.selectAll(descriptor.getPath().get(0));
        }
        throw FlightErrors.invalid("a path descriptor names one dataset; got " + descriptor.getPath());
    }

    private static boolean isFlightSql(byte[] bytes) {
        try {
            return Any.parseFrom(bytes).getTypeUrl().startsWith(FLIGHT_SQL_TYPE_PREFIX);
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    // ---- shared -------------------------------------------------------------------------------

    private QueryShape describe(String sql) {
        try (BufferAllocator child = allocator.newChildAllocator("flight-describe", 0, Long.MAX_VALUE)) {
            return queries.describe(sql, child);
        } catch (QueryException e) {
            throw FlightErrors.of(e);
        }
    }

    /** Runs the query once and streams it (see {@link FlightQuery}). */
    private void run(String sql, List<Object> parameters, ServerStreamListener listener) {
        FlightQuery.run(cachedQueries, sql, parameters, listener, queryMetrics.start(QueryMetrics.FLIGHT), allocator,
                drained, streams);
    }

    @Override
    public void close() {
        streams.shutdownNow();
        drained.close();
    }
}

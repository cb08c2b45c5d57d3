package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import java.util.List;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.FlightSqlProducer;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The metadata half of the Flight SQL producer: each command's FlightInfo declares the schema
 * Flight SQL fixes for it, with the command itself as the ticket, and its stream is answered by
 * {@link FlightMetadata}.
 */
abstract class MetadataCommands implements FlightSqlProducer {
    private final FlightMetadata metadata;

    MetadataCommands(FlightMetadata metadata) {
        this.metadata = requireNonNull(metadata, "metadata");
    }

    static FlightInfo info(Schema schema, FlightDescriptor descriptor, byte[] ticket) {
        return new FlightInfo(schema, descriptor, List.of(new FlightEndpoint(new Ticket(ticket))), -1, -1);
    }

    /** Flight SQL's own dispatch of a command descriptor (subclasses add plain-SQL descriptors). */
    protected final FlightInfo flightSqlInfo(CallContext context, FlightDescriptor descriptor) {
        return FlightSqlProducer.super.getFlightInfo(context, descriptor);
    }

    protected final SchemaResult flightSqlSchema(CallContext context, FlightDescriptor descriptor) {
        return FlightSqlProducer.super.getSchema(context, descriptor);
    }

    protected final void flightSqlStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
        FlightSqlProducer.super.getStream(context, ticket, listener);
    }

    private static FlightInfo metadataInfo(Schema schema, FlightDescriptor descriptor, Message command) {
        return info(schema, descriptor, Any.pack(command).toByteArray());
    }

    @Override
    public FlightInfo getFlightInfoSqlInfo(FlightSql.CommandGetSqlInfo command, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(Schemas.GET_SQL_INFO_SCHEMA, descriptor, command);
    }

    @Override
    public void getStreamSqlInfo(FlightSql.CommandGetSqlInfo command, CallContext context,
            ServerStreamListener listener) {
        metadata.sqlInfo(command, listener);
    }

    @Override
    public FlightInfo getFlightInfoTypeInfo(FlightSql.CommandGetXdbcTypeInfo command, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(Schemas.GET_TYPE_INFO_SCHEMA, descriptor, command);
    }

    @Override
    public void getStreamTypeInfo(FlightSql.CommandGetXdbcTypeInfo command, CallContext context,
            ServerStreamListener listener) {
        metadata.typeInfo(command, listener);
    }

    @Override
    public FlightInfo getFlightInfoCatalogs(FlightSql.CommandGetCatalogs command, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(Schemas.GET_CATALOGS_SCHEMA, descriptor, command);
    }

    @Override
    public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
        metadata.catalogs(listener);
    }

    @Override
    public FlightInfo getFlightInfoSchemas(FlightSql.CommandGetDbSchemas command, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(Schemas.GET_SCHEMAS_SCHEMA, descriptor, command);
    }

    @Override
    public void getStreamSchemas(FlightSql.CommandGetDbSchemas command, CallContext context,
            ServerStreamListener listener) {
        metadata.schemas(command, listener);
    }

    @Override
    public FlightInfo getFlightInfoTables(FlightSql.CommandGetTables command, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(FlightMetadata.tablesSchema(command.getIncludeSchema()), descriptor, command);
    }

    @Override
    public void getStreamTables(FlightSql.CommandGetTables command, CallContext context,
            ServerStreamListener listener) {
        metadata.tables(command, listener);
    }

    @Override
    public FlightInfo getFlightInfoTableTypes(FlightSql.CommandGetTableTypes command, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(Schemas.GET_TABLE_TYPES_SCHEMA, descriptor, command);
    }

    @Override
    public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
        metadata.tableTypes(listener);
    }

    @Override
    public FlightInfo getFlightInfoPrimaryKeys(FlightSql.CommandGetPrimaryKeys command, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(Schemas.GET_PRIMARY_KEYS_SCHEMA, descriptor, command);
    }

    @Override
    public void getStreamPrimaryKeys(FlightSql.CommandGetPrimaryKeys command, CallContext context,
            ServerStreamListener listener) {
        metadata.primaryKeys(command, listener);
    }

    @Override
    public FlightInfo getFlightInfoExportedKeys(FlightSql.CommandGetExportedKeys command, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(Schemas.GET_EXPORTED_KEYS_SCHEMA, descriptor, command);
    }

    @Override
    public FlightInfo getFlightInfoImportedKeys(FlightSql.CommandGetImportedKeys command, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(Schemas.GET_IMPORTED_KEYS_SCHEMA, descriptor, command);
    }

    @Override
    public FlightInfo getFlightInfoCrossReference(FlightSql.CommandGetCrossReference command, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(Schemas.GET_CROSS_REFERENCE_SCHEMA, descriptor, command);
    }

    @Override
    public void getStreamExportedKeys(FlightSql.CommandGetExportedKeys command, CallContext context,
            ServerStreamListener listener) {
        metadata.exportedKeys(command, listener);
    }

    @Override
    public void getStreamImportedKeys(FlightSql.CommandGetImportedKeys command, CallContext context,
            ServerStreamListener listener) {
        metadata.importedKeys(command, listener);
    }

    @Override
    public void getStreamCrossReference(FlightSql.CommandGetCrossReference command, CallContext context,
            ServerStreamListener listener) {
        metadata.crossReference(command, listener);
    }

}

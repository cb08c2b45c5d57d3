package io.paprika.kernel.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.kernel.flight.CatalogView.TableEntry;
import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCrossReference;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetExportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetImportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlightMetadataTest {
    static final Schema ORDERS = new Schema(List.of(
            new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
            Field.nullable("amount", new ArrowType.Decimal(10, 2, 128)),
            Field.nullable("placed_at", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
            Field.nullable("note", ArrowType.Utf8.INSTANCE)));

    static final List<TableEntry> TABLES = List.of(
            new TableEntry("orders", "BASE TABLE", List.of("id"), () -> Optional.of(ORDERS)),
            new TableEntry("order_items", "BASE TABLE", List.of("order_id", "line"), Optional::empty),
            new TableEntry("orderXitems", "BASE TABLE", List.of(), Optional::empty),
            new TableEntry("customers", "VIEW", List.of(), Optional::empty));

    private final BufferAllocator allocator = new RootAllocator();
    private final FlightMetadata metadata = new FlightMetadata(() -> TABLES, allocator, "1.2.3");

    @AfterEach
    void noLeaks() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void catalogsListSpice() {
        RecordingListener l = new RecordingListener();
        metadata.catalogs(l);
        assertCompleted(l, Schemas.GET_CATALOGS_SCHEMA);
        assertEquals(List.of(List.of("spice")), l.rows());
    }

    @Test
    void schemasHonourCatalogAndPattern() {
        assertEquals(List.of(List.of("spice", "public")), schemas(CommandGetDbSchemas.getDefaultInstance()));
        assertEquals(1, schemas(CommandGetDbSchemas.newBuilder().setCatalog("spice").build()).size());
        assertEquals(0, schemas(CommandGetDbSchemas.newBuilder().setCatalog("other").build()).size());
        assertEquals(0, schemas(CommandGetDbSchemas.newBuilder().setCatalog("").build()).size());
        assertEquals(1, schemas(CommandGetDbSchemas.newBuilder().setDbSchemaFilterPattern("pub%").build()).size());
        assertEquals(1, schemas(CommandGetDbSchemas.newBuilder().setDbSchemaFilterPattern("p_blic").build()).size());
        assertEquals(0, schemas(CommandGetDbSchemas.newBuilder().setDbSchemaFilterPattern("pub").build()).size());
    }

    @Test
    void tablesUnfilteredAreSortedByNameWithoutSchemaColumn() {
        RecordingListener l = tables(CommandGetTables.getDefaultInstance());
        assertCompleted(l, Schemas.GET_TABLES_SCHEMA_NO_SCHEMA);
        assertEquals(List.of(
                List.of("spice", "public", "customers", "VIEW"),
                List.of("spice", "public", "orderXitems", "BASE TABLE"),
                List.of("spice", "public", "order_items", "BASE TABLE"),
                List.of("spice", "public", "orders", "BASE TABLE")), l.rows());
    }

    @Test
    void tablesFilterByCatalogAndSchema() {
        assertEquals(4, tableNames(CommandGetTables.newBuilder().setCatalog("spice")).size());
        assertEquals(List.of(), tableNames(CommandGetTables.newBuilder().setCatalog("datafusion")));
        assertEquals(List.of(), tableNames(CommandGetTables.newBuilder().setCatalog("")));
        assertEquals(4, tableNames(CommandGetTables.newBuilder().setDbSchemaFilterPattern("%")).size());
        assertEquals(List.of(), tableNames(CommandGetTables.newBuilder().setDbSchemaFilterPattern("private")));
    }

    @Test
    void tablesFilterByNamePattern() {
        assertEquals(List.of("orderXitems", "order_items", "orders"),
                tableNames(CommandGetTables.newBuilder().setTableNameFilterPattern("order%")));
        assertEquals(List.of("orderXitems", "order_items"),
                tableNames(CommandGetTables.newBuilder().setTableNameFilterPattern("order_items")));
        assertEquals(List.of("order_items"),
                tableNames(CommandGetTables.newBuilder().setTableNameFilterPattern("order\\_items")));
        assertEquals(List.of("orders"), tableNames(CommandGetTables.newBuilder().setTableNameFilterPattern("orders")));
        assertEquals(List.of(), tableNames(CommandGetTables.newBuilder().setTableNameFilterPattern("ORDERS")));
    }

    @Test
    void tablesFilterByTypesExactly() {
        assertEquals(List.of("customers"), tableNames(CommandGetTables.newBuilder().addTableTypes("VIEW")));
        assertEquals(4, tableNames(CommandGetTables.newBuilder().addTableTypes("VIEW").addTableTypes("BASE TABLE")).size());
        assertEquals(List.of(), tableNames(CommandGetTables.newBuilder().addTableTypes("TABLE")));
    }

    @Test
    void includeSchemaRoundTripsThroughTheJdbcDriversDeserializer() throws Exception {
        RecordingListener l = tables(CommandGetTables.newBuilder().setIncludeSchema(true).build());
        assertCompleted(l, Schemas.GET_TABLES_SCHEMA);
        List<Object> names = l.column("table_name");
        List<Object> schemas = l.column("table_schema");
        assertEquals(4, schemas.size());
        assertEquals(ORDERS, deserialize((byte[]) schemas.get(names.indexOf("orders"))));
        // not loaded yet: still listed, with no columns
        assertEquals(new Schema(List.of()), deserialize((byte[]) schemas.get(names.indexOf("customers"))));
    }

    @Test
    void aTableThatCannotBeDescribedIsListedWithAnEmptySchema() throws Exception {
        TableEntry broken = new TableEntry("broken", "BASE TABLE", List.of(), () -> {
            throw new IllegalStateException("engine gone");
        });
        FlightMetadata withBroken = new FlightMetadata(() -> List.of(broken), allocator, "1");
        RecordingListener l = new RecordingListener();
        withBroken.tables(CommandGetTables.newBuilder().setIncludeSchema(true).build(), l);
        assertCompleted(l, Schemas.GET_TABLES_SCHEMA);
        assertEquals(new Schema(List.of()), deserialize((byte[]) l.column("table_schema").get(0)));
    }

    @Test
    void tablesSchemaPicksTheConstant() {
        assertEquals(Schemas.GET_TABLES_SCHEMA, FlightMetadata.tablesSchema(true));
        assertEquals(Schemas.GET_TABLES_SCHEMA_NO_SCHEMA, FlightMetadata.tablesSchema(false));
    }

    @Test
    void tableTypes() {
        RecordingListener l = new RecordingListener();
        metadata.tableTypes(l);
        assertCompleted(l, Schemas.GET_TABLE_TYPES_SCHEMA);
        assertEquals(List.of("BASE TABLE", "VIEW"), l.column("table_type"));
    }

    @Test
    void primaryKeysInKeyOrderFromOne() {
        RecordingListener l = primaryKeys(CommandGetPrimaryKeys.newBuilder().setTable("order_items").build());
        assertCompleted(l, Schemas.GET_PRIMARY_KEYS_SCHEMA);
        assertEquals(List.of(
                Arrays.asList("spice", "public", "order_items", "order_id", 1, null),
                Arrays.asList("spice", "public", "order_items", "line", 2, null)), l.rows());
    }

    @Test
    void primaryKeysHonourCatalogAndSchemaWhenGiven() {
        CommandGetPrimaryKeys.Builder orders = CommandGetPrimaryKeys.newBuilder().setTable("orders");
        assertEquals(1, primaryKeys(orders.clone().setCatalog("spice").setDbSchema("public").build()).rows().size());
        assertEquals(0, primaryKeys(orders.clone().setCatalog("other").build()).rows().size());
        assertEquals(0, primaryKeys(orders.clone().setDbSchema("other").build()).rows().size());
        assertEquals(0, primaryKeys(CommandGetPrimaryKeys.newBuilder().setTable("customers").build()).rows().size());
        assertEquals(0, primaryKeys(CommandGetPrimaryKeys.newBuilder().setTable("missing").build()).rows().size());
        assertEquals(0, primaryKeys(CommandGetPrimaryKeys.newBuilder().setTable("order%").build()).rows().size());
    }

    @Test
    void foreignKeysAreEmptyWithTheirSchemas() {
        RecordingListener imported = new RecordingListener();
        metadata.importedKeys(CommandGetImportedKeys.newBuilder().setTable("orders").build(), imported);
        assertCompleted(imported, Schemas.GET_IMPORTED_KEYS_SCHEMA);
        assertEquals(List.of(), imported.rows());

        RecordingListener exported = new RecordingListener();
        metadata.exportedKeys(CommandGetExportedKeys.newBuilder().setTable("orders").build(), exported);
        assertCompleted(exported, Schemas.GET_EXPORTED_KEYS_SCHEMA);
        assertEquals(List.of(), exported.rows());

        RecordingListener cross = new RecordingListener();
        metadata.crossReference(CommandGetCrossReference.newBuilder()
                .setPkTable("orders").setFkTable("order_items").build(), cross);
        assertCompleted(cross, Schemas.GET_CROSS_REFERENCE_SCHEMA);
        assertEquals(List.of(), cross.rows());
    }

    @Test
    void aFailingCatalogEndsTheStreamWithInternal() {
        FlightMetadata failing = new FlightMetadata(() -> {
            throw new IllegalStateException("datasets unavailable");
        }, allocator, "1");
        RecordingListener l = new RecordingListener();
        failing.tables(CommandGetTables.getDefaultInstance(), l);
        assertFalse(l.completed);
        FlightRuntimeException e = assertInstanceOf(FlightRuntimeException.class, l.error);
        assertEquals(CallStatus.INTERNAL.code(), e.status().code());
        assertTrue(e.getMessage().contains("datasets unavailable"), e.getMessage());
    }

    static void assertCompleted(RecordingListener l, Schema expected) {
        assertNull(l.error, () -> "stream failed: " + l.error);
        assertTrue(l.completed, "stream not completed");
        assertEquals(expected, l.schema);
        assertEquals(1, l.batches.size(), "one batch");
    }

    private static Schema deserialize(byte[] bytes) throws Exception {
        // exactly how the Flight SQL JDBC driver's getColumns reads table_schema
        return MessageSerializer.deserializeSchema(new ReadChannel(Channels.newChannel(new ByteArrayInputStream(bytes))));
    }

    private List<List<Object>> schemas(CommandGetDbSchemas cmd) {
        RecordingListener l = new RecordingListener();
        metadata.schemas(cmd, l);
        assertCompleted(l, Schemas.GET_SCHEMAS_SCHEMA);
        return l.rows();
    }

    private RecordingListener tables(CommandGetTables cmd) {
        RecordingListener l = new RecordingListener();
        metadata.tables(cmd, l);
        return l;
    }

    private List<Object> tableNames(CommandGetTables.Builder cmd) {
        RecordingListener l = tables(cmd.build());
        assertCompleted(l, Schemas.GET_TABLES_SCHEMA_NO_SCHEMA);
        return l.column("table_name");
    }

    private RecordingListener primaryKeys(CommandGetPrimaryKeys cmd) {
        RecordingListener l = new RecordingListener();
        metadata.primaryKeys(cmd, l);
        assertCompleted(l, Schemas.GET_PRIMARY_KEYS_SCHEMA);
        return l;
    }
}

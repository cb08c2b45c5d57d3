package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.flight.CatalogView.TableEntry;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flight SQL metadata commands (catalogs, schemas, tables, keys, types, SQL info) over a
 * {@link CatalogView}. Each method writes its whole answer as one batch in the schema that
 * {@link Schemas} fixes for the command, and ends the stream with completed or an INTERNAL error.
 */
public final class FlightMetadata {
    private static final Logger LOG = LoggerFactory.getLogger(FlightMetadata.class);
    private static final List<String> TABLE_TYPES = List.of("BASE TABLE", "VIEW");
    private static final byte[] UNKNOWN_SCHEMA = new Schema(List.of()).serializeAsMessage();

    private final CatalogView catalog;
    private final BufferAllocator allocator;
    private final ServerSqlInfo sqlInfo;

    public FlightMetadata(CatalogView catalog, BufferAllocator allocator, String serverVersion) {
        this.catalog = requireNonNull(catalog, "catalog");
        this.allocator = requireNonNull(allocator, "allocator");
        this.sqlInfo = new ServerSqlInfo(requireNonNull(serverVersion, "serverVersion"));
    }

    /** The schema a GetTables answer has; declare it in the command's FlightInfo. */
    public static Schema tablesSchema(boolean includeSchema) {
        return includeSchema ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
    }

    public void catalogs(ServerStreamListener listener) {
        MetadataStream.send("GetCatalogs", allocator, Schemas.GET_CATALOGS_SCHEMA, listener, root -> {
            MetadataStream.setString(root, "catalog_name", 0, CatalogView.CATALOG);
            root.setRowCount(1);
        });
    }

    public void schemas(FlightSql.CommandGetDbSchemas cmd, ServerStreamListener listener) {
        MetadataStream.send("GetDbSchemas", allocator, Schemas.GET_SCHEMAS_SCHEMA, listener, root -> {
            boolean match = TableFilter.schemaMatches(cmd);
            if (match) {
                MetadataStream.setString(root, "catalog_name", 0, CatalogView.CATALOG);
                MetadataStream.setString(root, "db_schema_name", 0, CatalogView.SCHEMA);
            }
            root.setRowCount(match ? 1 : 0);
        });
    }

    public void tables(FlightSql.CommandGetTables cmd, ServerStreamListener listener) {
        boolean includeSchema = cmd.getIncludeSchema();
        MetadataStream.send("GetTables", allocator, tablesSchema(includeSchema), listener, root -> {
            List<TableEntry> tables = TableFilter.tables(cmd, catalog.tables());
            for (int row = 0; row < tables.size(); row++) {
                TableEntry table = tables.get(row);
                MetadataStream.setString(root, "catalog_name", row, CatalogView.CATALOG);
                MetadataStream.setString(root, "db_schema_name", row, CatalogView.SCHEMA);
                MetadataStream.setString(root, "table_name", row, table.name());
                MetadataStream.setString(root, "table_type", row, table.type());
                if (includeSchema) {
                    ((VarBinaryVector) root.getVector("table_schema")).setSafe(row, serializedSchema(table));
                }
            }
            root.setRowCount(tables.size());
        });
    }

    public void tableTypes(ServerStreamListener listener) {
        MetadataStream.send("GetTableTypes", allocator, Schemas.GET_TABLE_TYPES_SCHEMA, listener, root -> {
            for (int row = 0; row < TABLE_TYPES.size(); row++) {
                MetadataStream.setString(root, "table_type", row, TABLE_TYPES.get(row));
            }
            root.setRowCount(TABLE_TYPES.size());
        });
    }

    public void primaryKeys(FlightSql.CommandGetPrimaryKeys cmd, ServerStreamListener listener) {
        MetadataStream.send("GetPrimaryKeys", allocator, Schemas.GET_PRIMARY_KEYS_SCHEMA, listener, root -> {
            IntVector sequence = (IntVector) root.getVector("key_sequence");
            int row = 0;
            for (TableEntry table : TableFilter.keyTable(cmd, catalog.tables())) {
                for (String column : table.primaryKey()) {
                    MetadataStream.setString(root, "catalog_name", row, CatalogView.CATALOG);
                    MetadataStream.setString(root, "db_schema_name", row, CatalogView.SCHEMA);
                    MetadataStream.setString(root, "table_name", row, table.name());
                    MetadataStream.setString(root, "column_name", row, column);
                    sequence.setSafe(row, row + 1);
                    row++; // key_name stays null: keys come from the spicepod and have no name
                }
            }
            root.setRowCount(row);
        });
    }

    /** Spicepods declare no foreign keys: always empty. */
    public void importedKeys(FlightSql.CommandGetImportedKeys cmd, ServerStreamListener listener) {
        empty("GetImportedKeys", Schemas.GET_IMPORTED_KEYS_SCHEMA, listener);
    }

    /** Spicepods declare no foreign keys: always empty. */
    public void exportedKeys(FlightSql.CommandGetExportedKeys cmd, ServerStreamListener listener) {
        empty("GetExportedKeys", Schemas.GET_EXPORTED_KEYS_SCHEMA, listener);
    }

    /** Spicepods declare no foreign keys: always empty. */
    public void crossReference(FlightSql.CommandGetCrossReference cmd, ServerStreamListener listener) {
        empty("GetCrossReference", Schemas.GET_CROSS_REFERENCE_SCHEMA, listener);
    }

    public void typeInfo(FlightSql.CommandGetXdbcTypeInfo cmd, ServerStreamListener listener) {
        List<XdbcTypeInfo.Type> types = cmd.hasDataType()
                ? XdbcTypeInfo.TYPES.stream().filter(t -> t.dataType() == cmd.getDataType()).toList()
                : XdbcTypeInfo.TYPES;
        MetadataStream.send("GetXdbcTypeInfo", allocator, Schemas.GET_TYPE_INFO_SCHEMA, listener,
                root -> XdbcTypeInfo.write(root, types));
    }

    public void sqlInfo(FlightSql.CommandGetSqlInfo cmd, ServerStreamListener listener) {
        List<Integer> ids = sqlInfo.known(cmd.getInfoList());
        if (cmd.getInfoCount() > 0 && ids.isEmpty()) {
            // the builder reads an empty list as "everything"; the client asked only for unknowns
            empty("GetSqlInfo", Schemas.GET_SQL_INFO_SCHEMA, listener);
            return;
        }
        sqlInfo.builder().send(ids, listener);
    }

    private void empty(String command, Schema schema, ServerStreamListener listener) {
        MetadataStream.send(command, allocator, schema, listener, root -> root.setRowCount(0));
    }

    /** IPC-encapsulated, as the JDBC driver's getColumns reads it with MessageSerializer. */
    private static byte[] serializedSchema(TableEntry table) {
        Optional<Schema> schema;
        try {
            schema = table.schema().get();
        } catch (RuntimeException e) {
            // one table that cannot be described must not hide the others from a client
            LOG.warn("table `{}`: cannot describe its columns: {}", table.name(), e.toString());
            schema = Optional.empty();
        }
        return schema.map(Schema::serializeAsMessage).orElse(UNKNOWN_SCHEMA);
    }
}

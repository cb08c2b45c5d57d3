package io.paprika.kernel.query.catalog;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.ArrowStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The catalog as result tables: SHOW TABLES, DESCRIBE and the {@code information_schema} tables
 * {@code tables} and {@code columns}, with the column names PostgreSQL and DataFusion use.
 */
public final class CatalogTables {
    /** The information_schema tables a query may read. */
    public static final List<String> INFORMATION_SCHEMA = List.of("tables", "columns");

    private static final Schema TABLES = schema("table_catalog", "table_schema", "table_name", "table_type");
    private static final Schema COLUMNS = new Schema(List.of(text("table_catalog"), text("table_schema"),
            text("table_name"), text("column_name"), number("ordinal_position"), text("is_nullable"),
            text("data_type")));
    private static final Schema DESCRIBE = schema("column_name", "data_type", "is_nullable");

    private final TableCatalog catalog;

    public CatalogTables(TableCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog");
    }

    public ArrowStream showTables(BufferAllocator allocator) throws IOException {
        return RowsStream.of(TABLES, tableRows(), allocator);
    }

    /** The columns of one table; empty when there is no such table or it cannot be described yet. */
    public Optional<ArrowStream> describe(String table, BufferAllocator allocator) throws IOException {
        Optional<TableCatalog.Entry> entry = catalog.find(table);
        Optional<Schema> schema = entry.flatMap(e -> e.schema().get());
        if (schema.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> rows = new ArrayList<>();
        for (Field f : schema.get().getFields()) {
            rows.add(new Object[] {f.getName(), TableCatalog.sqlType(f), f.isNullable() ? "YES" : "NO"});
        }
        return Optional.of(RowsStream.of(DESCRIBE, rows, allocator));
    }

    /** {@code information_schema.<name>}, for {@code name} in {@link #INFORMATION_SCHEMA}. */
    public ArrowStream informationSchema(String name, BufferAllocator allocator) throws IOException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tables" -> RowsStream.of(TABLES, tableRows(), allocator);
            case "columns" -> RowsStream.of(COLUMNS, columnRows(), allocator);
            default -> throw new IllegalArgumentException("no information_schema table " + name);
        };
    }

    public static Schema informationSchemaShape(String name) {
        return "tables".equalsIgnoreCase(name) ? TABLES : COLUMNS;
    }

    private List<Object[]> tableRows() {
        List<Object[]> rows = new ArrayList<>();
        for (TableCatalog.Entry e : catalog.tables()) {
            rows.add(new Object[] {TableCatalog.CATALOG, TableCatalog.SCHEMA, e.name(), e.type()});
        }
        return rows;
    }

    private List<Object[]> columnRows() {
        List<Object[]> rows = new ArrayList<>();
        for (TableCatalog.Entry e : catalog.tables()) {
            Optional<Schema> schema = e.schema().get();
            if (schema.isEmpty()) {
                continue;
            }
            int position = 1;
            for (Field f : schema.get().getFields()) {
                rows.add(new Object[] {TableCatalog.CATALOG, TableCatalog.SCHEMA, e.name(), f.getName(), position++,
                        f.isNullable() ? "YES" : "NO", TableCatalog.sqlType(f)});
            }
        }
        return rows;
    }

    private static Schema schema(String... names) {
        List<Field> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(text(n));
        }
        return new Schema(fields);
    }

    private static Field text(String name) {
        return new Field(name, FieldType.nullable(new ArrowType.Utf8()), null);
    }

    private static Field number(String name) {
        return new Field(name, FieldType.nullable(new ArrowType.Int(64, true)), null);
    }
}

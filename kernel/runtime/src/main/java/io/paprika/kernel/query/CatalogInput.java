package io.paprika.kernel.query;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.query.catalog.CatalogTables;
import io.paprika.spi.ArrowStream;
import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/** An {@code information_schema} table, built from the catalog when the query runs. */
final class CatalogInput implements FederatedInput {
    static final String PREFIX = "__paprika_information_schema_";

    private final String table;
    private final CatalogTables catalog;

    CatalogInput(String table, CatalogTables catalog) {
        this.table = requireNonNull(table, "table");
        this.catalog = requireNonNull(catalog, "catalog");
    }

    @Override
    public String name() {
        return PREFIX + table;
    }

    @Override
    public ArrowStream open(BufferAllocator allocator) throws QueryException {
        try {
            return catalog.informationSchema(table, allocator);
        } catch (IOException e) {
            throw new QueryException(QueryException.Kind.INTERNAL, "building information_schema." + table + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Schema schema(BufferAllocator allocator) {
        return CatalogTables.informationSchemaShape(table);
    }

    @Override
    public String explain() {
        return "information_schema." + table + " from the runtime's catalog";
    }
}

package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The tables Flight SQL metadata calls describe: every dataset (and, later, view) under one
 * catalog and schema, as Spice shows them.
 */
public interface CatalogView {
    String CATALOG = "spice";
    String SCHEMA = "public";

    /** Every table now, in a stable order. */
    List<TableEntry> tables();

    /**
     * One table.
     *
     * @param type       {@code BASE TABLE} or {@code VIEW}
     * @param primaryKey key columns in order, empty when there is none
     * @param schema     the table's columns; empty while the table cannot be described (not loaded yet)
     */
    record TableEntry(String name, String type, List<String> primaryKey, Supplier<Optional<Schema>> schema) {
        public TableEntry {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey"));
            requireNonNull(schema, "schema");
        }
    }
}

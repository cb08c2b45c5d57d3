package io.paprika.kernel.query.catalog;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.config.ViewSpec;
import io.paprika.kernel.dataset.Dataset;
import io.paprika.kernel.dataset.DatasetManager;
import io.paprika.kernel.query.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Every table a query can name — datasets, then views — under Spice's one catalog and schema.
 * SHOW TABLES, DESCRIBE, information_schema and Flight SQL GetTables all list from here, so they
 * agree.
 */
public final class TableCatalog {
    public static final String CATALOG = "spice";
    public static final String SCHEMA = "public";

    /**
     * One table.
     *
     * @param type       {@code BASE TABLE} or {@code VIEW}
     * @param primaryKey key columns in order, empty when there is none
     * @param schema     the columns; empty while the table cannot be described (not loaded yet)
     */
    public record Entry(String name, String type, List<String> primaryKey, Supplier<Optional<Schema>> schema) {
        public Entry {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey"));
            requireNonNull(schema, "schema");
        }
    }

    private final DatasetManager datasets;
    private final Views views;
    private final Function<String, Optional<Schema>> describe;

    /** {@code describe} gives a table's columns by planning {@code SELECT * FROM} it. */
    public TableCatalog(DatasetManager datasets, Views views, Function<String, Optional<Schema>> describe) {
        this.datasets = requireNonNull(datasets, "datasets");
        this.views = requireNonNull(views, "views");
        this.describe = requireNonNull(describe, "describe");
    }

    public List<Entry> tables() {
        List<Entry> out = new ArrayList<>();
        for (Dataset d : datasets.all()) {
            out.add(new Entry(d.name(), "BASE TABLE", d.spec().acceleration().primaryKey(),
                    () -> d.servable() ? describe.apply(d.name()) : Optional.empty()));
        }
        for (ViewSpec v : views.all()) {
            out.add(new Entry(v.name(), "VIEW", List.of(), () -> describe.apply(v.name())));
        }
        return out;
    }

    public Optional<Entry> find(String name) {
        return tables().stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }

    public List<String> names() {
        return tables().stream().map(Entry::name).toList();
    }

    static String sqlType(org.apache.arrow.vector.types.pojo.Field f) {
        return SqlTypeNames.of(f.getType());
    }
}

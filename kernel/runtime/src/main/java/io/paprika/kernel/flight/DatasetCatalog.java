package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.dataset.Dataset;
import io.paprika.kernel.dataset.DatasetManager;
import io.paprika.kernel.query.QueryException;
import io.paprika.kernel.query.QueryService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/** The datasets as Flight SQL metadata shows them; a table's columns come from its engine's plan. */
final class DatasetCatalog implements CatalogView {
    private final DatasetManager datasets;
    private final QueryService queries;
    private final BufferAllocator allocator;

    DatasetCatalog(DatasetManager datasets, QueryService queries, BufferAllocator allocator) {
        this.datasets = requireNonNull(datasets, "datasets");
        this.queries = requireNonNull(queries, "queries");
        this.allocator = requireNonNull(allocator, "allocator");
    }

    @Override
    public List<TableEntry> tables() {
        List<TableEntry> out = new ArrayList<>();
        for (Dataset d : datasets.all()) {
            out.add(new TableEntry(d.name(), "BASE TABLE", d.spec().acceleration().primaryKey(), () -> schema(d)));
        }
        return out;
    }

    /** The dataset's columns, or empty while it cannot be queried (still loading, engine missing). */
    Optional<Schema> schema(Dataset d) {
        if (d.queryableIn().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(queries.describe(selectAll(d.name()), allocator).result());
        } catch (QueryException e) {
            return Optional.empty();
        }
    }

    static String selectAll(String dataset) {
        return "SELECT * FROM \"" + dataset.replace("\"", "\"\"") + "\"";
    }
}

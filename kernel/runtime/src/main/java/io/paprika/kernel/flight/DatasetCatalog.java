package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.query.QueryService;
import io.paprika.kernel.query.catalog.TableCatalog;
import java.util.ArrayList;
import java.util.List;

/** The runtime's tables (datasets and views) as Flight SQL metadata shows them. */
final class DatasetCatalog implements CatalogView {
    private final QueryService queries;

    DatasetCatalog(QueryService queries) {
        this.queries = requireNonNull(queries, "queries");
    }

    @Override
    public List<TableEntry> tables() {
        List<TableEntry> out = new ArrayList<>();
        for (TableCatalog.Entry e : queries.catalog().tables()) {
            out.add(new TableEntry(e.name(), e.type(), e.primaryKey(), e.schema()));
        }
        return out;
    }

    static String selectAll(String dataset) {
        return "SELECT * FROM \"" + dataset.replace("\"", "\"\"") + "\"";
    }
}

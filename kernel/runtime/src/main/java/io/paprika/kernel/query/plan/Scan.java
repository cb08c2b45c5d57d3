package io.paprika.kernel.query.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * What one input of a federated query reads from a dataset: the columns needed, the filters that
 * can run where the rows live, and a row limit when the query allows one.
 *
 * @param columns columns in table order; empty means every column
 */
public record Scan(String dataset, List<String> columns, List<String> filters, OptionalLong limit) {

    public Scan {
        requireNonNull(dataset, "dataset");
        columns = List.copyOf(requireNonNull(columns, "columns"));
        filters = List.copyOf(requireNonNull(filters, "filters"));
        requireNonNull(limit, "limit");
    }

    /** The filters joined with AND, as one PostgreSQL-flavoured boolean expression. */
    public Optional<String> filter() {
        return filters.isEmpty() ? Optional.empty()
                : Optional.of(filters.stream().map(f -> "(" + f + ")").collect(Collectors.joining(" AND ")));
    }

    /** The scan as a PostgreSQL-flavoured query over the dataset. */
    public String sql() {
        String cols = columns.isEmpty() ? "*" : columns.stream().map(Scan::quote).collect(Collectors.joining(", "));
        return "SELECT " + cols + " FROM " + quote(dataset) + filter().map(f -> " WHERE " + f).orElse("")
                + (limit.isPresent() ? " LIMIT " + limit.getAsLong() : "");
    }

    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}

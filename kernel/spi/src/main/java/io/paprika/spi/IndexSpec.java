package io.paprika.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An index the spicepod asks for ({@code indexes: {col: enabled|unique}}), on one or more columns. */
public record IndexSpec(List<String> columns, boolean unique) {

    public IndexSpec {
        columns = List.copyOf(requireNonNull(columns, "columns"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an index needs at least one column");
        }
    }
}

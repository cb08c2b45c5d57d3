package io.paprika.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the kernel asks of one scan of a source.
 *
 * @param columns     columns to return, in order; empty means every column
 * @param filter      a SQL boolean expression (PostgreSQL flavour, e.g. from {@code refresh_sql}) the
 *                    rows must satisfy; a connector that cannot apply it must fail rather than ignore it
 * @param conditional true when the connector may answer {@link ScanResult#notModified()} if the
 *                    source has not changed since this table's previous scan
 */
public record ScanRequest(List<String> columns, Optional<String> filter, boolean conditional) {

    public ScanRequest {
        columns = List.copyOf(requireNonNull(columns, "columns"));
        requireNonNull(filter, "filter");
    }

    public static ScanRequest all() {
        return new ScanRequest(List.of(), Optional.empty(), false);
    }
}

package io.paprika.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A validated {@code refresh_sql}: which columns to load (empty: all) and the row filter, both
 * pushed into the connector's scan.
 */
public record RefreshSql(String text, List<String> columns, Optional<String> filter) {

    /**
     * Validates a {@code refresh_sql} given outside the spicepod (the refresh API).
     *
     * @throws ConfigException naming what is wrong with it
     */
    public static RefreshSql parse(String sql, String dataset) throws ConfigException {
        return RefreshSqlParser.parse(sql, dataset, "refresh_sql", 0);
    }

    public RefreshSql {
        requireNonNull(text, "text");
        columns = List.copyOf(requireNonNull(columns, "columns"));
        requireNonNull(filter, "filter");
    }
}

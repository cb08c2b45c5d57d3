package io.paprika.kernel.config;

import static java.util.Objects.requireNonNull;

/** A top-level {@code views} entry: a name and the SQL that defines it. */
public record ViewSpec(String name, String sql, int line) {

    public ViewSpec {
        requireNonNull(name, "name");
        requireNonNull(sql, "sql");
    }
}

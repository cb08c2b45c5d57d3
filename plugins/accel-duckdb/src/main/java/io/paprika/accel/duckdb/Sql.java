package io.paprika.accel.duckdb;

/** Quoting for identifiers and string literals: dataset names may hold {@code -} or quotes. */
final class Sql {
    private Sql() {
    }

    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}

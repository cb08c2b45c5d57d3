package io.paprika.connector.common;

/** Quoting for SQL text built from names and values that come from a spicepod. */
public final class SqlText {
    private SqlText() {
    }

    /** A double-quoted identifier: {@code my "col"} becomes {@code "my ""col"""}. */
    public static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A single-quoted string literal: {@code it's} becomes {@code 'it''s'}. */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL character in SQL literal");
        }
        return '\'' + value.replace("'", "''") + '\'';
    }
}

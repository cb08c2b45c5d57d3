package io.paprika.kernel.flight;

/**
 * Keywords and functions that every Paprika engine understands, for JDBC's
 * {@code getSQLKeywords()} and {@code get*Functions()}. Keywords are only the non-SQL:2003 ones,
 * as JDBC asks; the lists are short on purpose: claiming a function one engine lacks would mislead.
 */
final class SqlVocabulary {
    static final String[] KEYWORDS = {"ILIKE", "LIMIT", "OFFSET", "QUALIFY"};
    static final String[] NUMERIC_FUNCTIONS = {
        "ABS", "CEIL", "CEILING", "EXP", "FLOOR", "LN", "LOG10", "PI", "POWER", "ROUND", "SIGN", "SQRT"
    };
    static final String[] STRING_FUNCTIONS = {
        "CONCAT", "LEFT", "LENGTH", "LOWER", "LTRIM", "POSITION", "REPLACE", "RIGHT", "RTRIM", "SUBSTRING",
        "TRIM", "UPPER"
    };
    static final String[] SYSTEM_FUNCTIONS = {"COALESCE", "NULLIF"};
    static final String[] DATETIME_FUNCTIONS = {"CURRENT_DATE", "CURRENT_TIMESTAMP", "DATE_TRUNC", "EXTRACT"};

    private SqlVocabulary() {}
}

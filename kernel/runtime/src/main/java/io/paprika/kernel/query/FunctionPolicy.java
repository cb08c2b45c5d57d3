package io.paprika.kernel.query;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which functions a read-only query may call. Table functions are allow-listed (almost every other one
 * reads files, URLs or the engine's catalog); scalar functions are deny-listed, since the harmless ones
 * are countless while the ones reaching files, the environment or the engine follow known names.
 */
final class FunctionPolicy {
    /** Table functions that only compute rows from their arguments. */
    private static final Set<String> TABLE_FUNCTIONS = Set.of("generate_series", "range", "unnest");

    /** Scalars that touch files, the environment, sessions, sequences or engine internals (H2, DuckDB, PostgreSQL). */
    private static final Set<String> FORBIDDEN_SCALARS = Set.of(
            // H2
            "file_read", "file_write", "csvread", "csvwrite", "link_schema", "disk_space_used", "signal",
            "database_path", "cancel_session", "abort_session", "db_object_id", "db_object_sql", "db_object_size",
            "db_object_total_size", "db_object_approximate_size", "db_object_approximate_total_size", "memory_free",
            "memory_used", "lock_mode", "lock_timeout", "session_id", "transaction_id", "set", "table",
            // sequences (they write)
            "nextval", "currval", "setval", "lastval",
            // DuckDB
            "getenv", "current_setting", "set_config", "glob", "query", "query_table", "checkpoint",
            "force_checkpoint", "load_aws_credentials", "which_secret",
            // PostgreSQL-style remote access
            "dblink", "dblink_exec");

    /** Name families of file readers, scanners and catalog functions. */
    private static final List<String> FORBIDDEN_PREFIXES = List.of("read_", "file_", "pg_", "lo_", "duckdb_",
            "pragma_", "parquet_", "sniff_", "json_execute", "iceberg_", "delta_", "sqlite_", "postgres_", "mysql_",
            "from_substrait", "get_substrait");

    /** Harmless members of a forbidden family. */
    private static final Set<String> HARMLESS = Set.of("pg_typeof");

    private FunctionPolicy() {
    }

    static boolean tableFunctionAllowed(String name) {
        return TABLE_FUNCTIONS.contains(normalize(name));
    }

    static boolean scalarAllowed(String name) {
        String n = normalize(name);
        if (HARMLESS.contains(n)) {
            return true;
        }
        return !FORBIDDEN_SCALARS.contains(n) && !n.endsWith("_scan")
                && FORBIDDEN_PREFIXES.stream().noneMatch(n::startsWith);
    }

    /** {@code main."READ_CSV"} gives {@code read_csv}: engines resolve names case-insensitively in any schema. */
    static String normalize(String name) {
        String n = TableReferences.lastPart(name);
        return n.toLowerCase(Locale.ROOT);
    }
}

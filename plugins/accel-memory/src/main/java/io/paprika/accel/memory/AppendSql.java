package io.paprika.accel.memory;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.ConflictAction;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one statement that moves an append's staged rows (numbered by {@link ArrowInsert#SEQUENCE})
 * into the table. Duplicates within the append are resolved in SQL, by H2's own equality, so they
 * match exactly what the primary key would reject: one row per key, the last (UPSERT) or first
 * (DROP) in stream order.
 */
final class AppendSql {
    private static final String RANK = "__paprika_rank";

    private final String table;
    private final String stage;
    private final List<String> primaryKey;

    AppendSql(String table, String stage, List<String> primaryKey) {
        this.table = requireNonNull(table, "table");
        this.stage = requireNonNull(stage, "stage");
        this.primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey"));
    }

    String statement(List<String> columns, ConflictAction onConflict) {
        String cols = ArrowInsert.idents(columns);
        if (primaryKey.isEmpty()) {
            // Set difference: drops rows repeated within the append and rows already there; EXCEPT
            // compares NULLs as equal.
            return "INSERT INTO " + table + " (" + cols + ") SELECT " + cols + " FROM " + stage
                    + " EXCEPT SELECT " + cols + " FROM " + table;
        }
        String s = qualified("s", columns);
        if (onConflict == ConflictAction.UPSERT) {
            return "MERGE INTO " + table + " (" + cols + ") KEY (" + ArrowInsert.idents(primaryKey) + ") SELECT " + s
                    + " FROM " + oneRowPerKey(cols, "DESC") + " s WHERE s." + Sql.ident(RANK) + " = 1";
        }
        String sameKey = primaryKey.stream().map(k -> "old." + Sql.ident(k) + " = s." + Sql.ident(k))
                .collect(Collectors.joining(" AND "));
        return "INSERT INTO " + table + " (" + cols + ") SELECT " + s + " FROM " + oneRowPerKey(cols, "ASC")
                + " s WHERE s." + Sql.ident(RANK) + " = 1 AND NOT EXISTS (SELECT 1 FROM " + table + " old WHERE "
                + sameKey + ")";
    }

    /** The staged rows ranked within their key by stream order; rank 1 is the one kept. */
    private String oneRowPerKey(String cols, String order) {
        return "(SELECT " + cols + ", ROW_NUMBER() OVER (PARTITION BY " + ArrowInsert.idents(primaryKey) + " ORDER BY "
                + Sql.ident(ArrowInsert.SEQUENCE) + " " + order + ") AS " + Sql.ident(RANK) + " FROM " + stage + ")";
    }

    private static String qualified(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + "." + Sql.ident(c)).collect(Collectors.joining(", "));
    }
}

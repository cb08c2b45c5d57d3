package io.paprika.kernel.flight;

import io.paprika.kernel.flight.CatalogView.TableEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;

/**
 * Which of our one catalog, one schema and its tables a metadata command asks for. Per the Flight
 * SQL spec an absent filter does not narrow, and an empty catalog means "no catalog" (none here).
 */
final class TableFilter {
    private TableFilter() {}

    static boolean schemaMatches(CommandGetDbSchemas cmd) {
        return catalogMatches(cmd.hasCatalog(), cmd.getCatalog())
                && patternMatches(cmd.hasDbSchemaFilterPattern(), cmd.getDbSchemaFilterPattern(), CatalogView.SCHEMA);
    }

    /** The tables asked for, ordered as the spec orders them: by name, then type. */
    static List<TableEntry> tables(CommandGetTables cmd, List<TableEntry> all) {
        if (!catalogMatches(cmd.hasCatalog(), cmd.getCatalog())
                || !patternMatches(cmd.hasDbSchemaFilterPattern(), cmd.getDbSchemaFilterPattern(), CatalogView.SCHEMA)) {
            return List.of();
        }
        Predicate<String> name = cmd.hasTableNameFilterPattern()
                ? SqlLike.matcher(cmd.getTableNameFilterPattern())
                : any -> true;
        Set<String> types = Set.copyOf(cmd.getTableTypesList());
        return all.stream()
                .filter(t -> name.test(t.name()))
                .filter(t -> types.isEmpty() || types.contains(t.type()))
                .sorted(Comparator.comparing(TableEntry::name).thenComparing(TableEntry::type))
                .toList();
    }

    /** The one table a primary-key request names, if it is ours; catalog and schema are optional. */
    static List<TableEntry> keyTable(CommandGetPrimaryKeys cmd, List<TableEntry> all) {
        boolean schemaOk = !cmd.hasDbSchema() || CatalogView.SCHEMA.equals(cmd.getDbSchema());
        if (!catalogMatches(cmd.hasCatalog(), cmd.getCatalog()) || !schemaOk) {
            return List.of();
        }
        return all.stream().filter(t -> t.name().equals(cmd.getTable())).toList();
    }

    private static boolean catalogMatches(boolean present, String catalog) {
        return !present || CatalogView.CATALOG.equals(catalog);
    }

    private static boolean patternMatches(boolean present, String pattern, String name) {
        return !present || SqlLike.matcher(pattern).test(name);
    }
}

package io.paprika.kernel.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paprika.kernel.query.plan.SqlAnalysis;
import java.util.LinkedHashSet;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import org.junit.jupiter.api.Test;

/** The tables a read-only query is planned over, as its checked statement's analysis lists them. */
class TableReferencesTest {
    private static Set<String> tables(String sql) throws QueryException {
        Set<String> out = new LinkedHashSet<>();
        for (Table t : SqlAnalysis.of(ReadOnlyGuard.check(sql)).tables()) {
            out.add(TableReferences.lastPart(t.getFullyQualifiedName()));
        }
        return out;
    }

    @Test
    void findsQuotedAndQualifiedTablesInJoinsAndSubqueries() throws Exception {
        assertEquals(Set.of("customer-interactions", "products", "orders"), tables(
                "SELECT * FROM \"customer-interactions\" c JOIN public.products p ON p.id = c.pid "
                        + "WHERE c.id IN (SELECT id FROM orders)"));
    }

    @Test
    void selectWithoutTablesNamesNone() throws Exception {
        assertEquals(Set.of(), tables("SELECT 1 AS one"));
    }

    @Test
    void findsTablesInDuckDbFromFirstQueries() throws Exception {
        assertEquals(Set.of("orders", "products"), tables(
                "FROM orders o JOIN products p ON p.id = o.pid"));
    }

    @Test
    void writesAreRefused() {
        QueryException e = assertThrows(QueryException.class, () -> tables("DROP TABLE products"));
        assertEquals(QueryException.Kind.INVALID_ARGUMENT, e.kind());
        assertThrows(QueryException.class, () -> tables("INSERT INTO t VALUES (1)"));
    }

    @Test
    void unparseableSqlIsAnInvalidArgument() {
        QueryException e = assertThrows(QueryException.class, () -> tables("SELEC * FROM"));
        assertEquals(QueryException.Kind.INVALID_ARGUMENT, e.kind());
    }
}

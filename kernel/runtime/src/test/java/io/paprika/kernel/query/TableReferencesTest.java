package io.paprika.kernel.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TableReferencesTest {
    @Test
    void findsQuotedAndQualifiedTablesInJoinsAndSubqueries() throws Exception {
        assertEquals(Set.of("customer-interactions", "products", "orders"), TableReferences.of(
                "SELECT * FROM \"customer-interactions\" c JOIN public.products p ON p.id = c.pid "
                        + "WHERE c.id IN (SELECT id FROM orders)"));
    }

    @Test
    void selectWithoutTablesNamesNone() throws Exception {
        assertEquals(Set.of(), TableReferences.of("SELECT 1 AS one"));
    }

    @Test
    void findsTablesInDuckDbFromFirstQueries() throws Exception {
        assertEquals(Set.of("orders", "products"), TableReferences.of(
                "FROM orders o JOIN products p ON p.id = o.pid"));
    }

    @Test
    void writesAreRefused() {
        QueryException e = assertThrows(QueryException.class, () -> TableReferences.of("DROP TABLE products"));
        assertEquals(QueryException.Kind.INVALID_ARGUMENT, e.kind());
        assertThrows(QueryException.class, () -> TableReferences.of("INSERT INTO t VALUES (1)"));
    }

    @Test
    void unparseableSqlIsAnInvalidArgument() {
        QueryException e = assertThrows(QueryException.class, () -> TableReferences.of("SELEC * FROM"));
        assertEquals(QueryException.Kind.INVALID_ARGUMENT, e.kind());
    }
}

package io.paprika.kernel.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParsedQueryTest {

    @Test
    void aRepeatedQueryIsParsedOnce() throws Exception {
        ParsedQuery first = ParsedQuery.parse("SELECT id FROM orders WHERE id = ?");
        assertSame(first, ParsedQuery.parse("SELECT id FROM orders WHERE id = ?"));
        assertEquals(ParsedQuery.Kind.QUERY, first.kind());
    }

    @Test
    void refusedStatementsAreRefusedEveryTime() {
        for (int i = 0; i < 2; i++) {
            QueryException e = assertThrows(QueryException.class, () -> ParsedQuery.parse("DROP TABLE orders"));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        }
    }

    @Test
    void explainShowAndDescribeAreTheRuntimesOwn() throws Exception {
        assertEquals(ParsedQuery.Kind.EXPLAIN, ParsedQuery.parse("EXPLAIN SELECT 1").kind());
        assertEquals(ParsedQuery.Kind.SHOW_TABLES, ParsedQuery.parse("SHOW TABLES").kind());
        ParsedQuery d = ParsedQuery.parse("DESCRIBE \"Orders\"");
        assertEquals(ParsedQuery.Kind.DESCRIBE, d.kind());
        assertEquals("Orders", d.described().orElseThrow());
        assertThrows(QueryException.class, () -> ParsedQuery.parse("EXPLAIN DELETE FROM orders"));
    }
}

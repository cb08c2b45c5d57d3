package io.paprika.kernel.query.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NonDeterministicTest {

    @Test
    void findsClockAndRandomCallsAnywhere() {
        assertTrue(NonDeterministic.calls("SELECT now()"));
        assertTrue(NonDeterministic.calls("SELECT * FROM t WHERE ts > NOW() - INTERVAL '1' DAY"));
        assertTrue(NonDeterministic.calls("SELECT random() AS r FROM t"));
        assertTrue(NonDeterministic.calls("SELECT CURRENT_TIMESTAMP"));
        assertTrue(NonDeterministic.calls("SELECT current_date FROM t"));
        assertTrue(NonDeterministic.calls("SELECT a FROM (SELECT a, uuid() AS u FROM t) x"));
        assertTrue(NonDeterministic.calls("WITH w AS (SELECT now() AS n) SELECT * FROM w"));
        assertTrue(NonDeterministic.calls("SELECT a FROM t WHERE b IN (SELECT b FROM u WHERE c < now())"));
    }

    @Test
    void plainQueriesAreCacheable() {
        assertFalse(NonDeterministic.calls("SELECT count(*), max(price) FROM products WHERE name LIKE 'now%'"));
        assertFalse(NonDeterministic.calls("SELECT \"now\" FROM t"));
        assertFalse(NonDeterministic.calls("SELECT upper(name) FROM t ORDER BY 1 LIMIT 3"));
    }
}

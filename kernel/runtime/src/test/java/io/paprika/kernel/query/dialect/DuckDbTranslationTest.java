package io.paprika.kernel.query.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paprika.kernel.query.QueryException;
import org.junit.jupiter.api.Test;

class DuckDbTranslationTest {
    private static String duckdb(String sql) throws QueryException {
        return Dialects.translate(sql, "duckdb");
    }

    @Test
    void postgresSyntaxDuckDbReadsStays() throws Exception {
        String sql = "SELECT id::VARCHAR, EXTRACT(WEEK FROM ts), date_trunc('week', ts) FROM t "
                + "WHERE ts > NOW() - INTERVAL '90 days' AND name ILIKE 'a%' ORDER BY id DESC LIMIT 3";
        assertEquals(sql, duckdb(sql));
    }

    @Test
    void functionsDuckDbNamesDifferently() throws Exception {
        assertEquals("SELECT TRIM(name), TRIM(name, 'x') FROM t", duckdb("SELECT btrim(name), btrim(name, 'x') FROM t"));
        assertEquals("SELECT status, BOOL_AND(qty > 0) FROM t GROUP BY status",
                duckdb("SELECT status, every(qty > 0) FROM t GROUP BY status"));
    }

    @Test
    void decimalWithoutPrecisionKeepsDataFusionsScale() throws Exception {
        // DuckDB's bare DECIMAL is DECIMAL(18,3), which would round 1.23456 to 1.235.
        assertEquals("SELECT CAST(amount AS NUMERIC (38, 10)), amount::NUMERIC (38, 10), CAST(amount AS DECIMAL (10, 2)) FROM t",
                duckdb("SELECT CAST(amount AS DECIMAL), amount::numeric, CAST(amount AS DECIMAL(10,2)) FROM t"));
    }

    @Test
    void rewritesReachSubqueries() throws Exception {
        assertEquals("SELECT * FROM (SELECT TRIM(s) AS s FROM t) x WHERE x.s IN (SELECT TRIM(s) FROM u)",
                duckdb("SELECT * FROM (SELECT btrim(s) AS s FROM t) x WHERE x.s IN (SELECT btrim(s) FROM u)"));
    }
}

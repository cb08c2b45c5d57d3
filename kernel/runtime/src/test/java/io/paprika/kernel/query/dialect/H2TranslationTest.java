package io.paprika.kernel.query.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.kernel.query.QueryException;
import org.junit.jupiter.api.Test;

class H2TranslationTest {
    private static String h2(String sql) throws QueryException {
        return Dialects.translate(sql, "h2");
    }

    @Test
    void postgresIntervalTextBecomesOneLiteralPerUnit() throws Exception {
        assertEquals("SELECT * FROM t WHERE ts > CURRENT_TIMESTAMP - INTERVAL '90' DAY",
                h2("SELECT * FROM t WHERE ts > NOW() - INTERVAL '90 days'"));
        assertEquals("SELECT ts + (INTERVAL '1' DAY + INTERVAL '2' HOUR) FROM t",
                h2("SELECT ts + INTERVAL '1 day 2 hours' FROM t"));
        assertEquals("SELECT ts + (INTERVAL '1' YEAR + INTERVAL '2' MONTH) FROM t",
                h2("SELECT ts + INTERVAL '1 year 2 mons' FROM t"));
        assertEquals("SELECT ts - INTERVAL '-3' MINUTE FROM t", h2("SELECT ts - INTERVAL '-3 min' FROM t"));
    }

    @Test
    void nowHasATimeZoneAsInPostgres() throws Exception {
        assertEquals("SELECT CURRENT_TIMESTAMP AS t, date_trunc('day', CURRENT_TIMESTAMP) FROM t",
                h2("SELECT now() AS t, date_trunc('day', NOW()) FROM t"));
    }

    @Test
    void weeksBecomeDaysAndQualifiedIntervalsStay() throws Exception {
        assertEquals("SELECT INTERVAL '14' DAY", h2("SELECT INTERVAL '2 weeks'"));
        assertEquals("SELECT INTERVAL '21' DAY", h2("SELECT INTERVAL '3' WEEK"));
        assertEquals("SELECT INTERVAL '5' HOUR", h2("SELECT INTERVAL '5' HOUR"));
    }

    @Test
    void intervalCastOfALiteralIsAnIntervalLiteral() throws Exception {
        assertEquals("SELECT ts - INTERVAL '90' DAY FROM t", h2("SELECT ts - '90 days'::interval FROM t"));
        assertEquals("SELECT ts - INTERVAL '1' HOUR FROM t", h2("SELECT ts - CAST('1 hour' AS INTERVAL) FROM t"));
    }

    @Test
    void intervalsH2CannotHoldAreRefusedWithTheReason() {
        QueryException mixed = assertThrows(QueryException.class, () -> h2("SELECT INTERVAL '1 month 2 days'"));
        assertEquals(QueryException.Kind.INVALID_ARGUMENT, mixed.kind());
        assertTrue(mixed.getMessage().contains("'1 month 2 days' mixes years or months with days"), mixed.getMessage());
        QueryException garbled = assertThrows(QueryException.class, () -> h2("SELECT INTERVAL '90 fortnights'"));
        assertTrue(garbled.getMessage().contains("cannot read the interval '90 fortnights'"), garbled.getMessage());
        QueryException fraction = assertThrows(QueryException.class, () -> h2("SELECT INTERVAL '1.5 hours'"));
        assertTrue(fraction.getMessage().contains("fractional"), fraction.getMessage());
    }

    @Test
    void datePartIsExtractAndWeeksAreIso() throws Exception {
        assertEquals("SELECT EXTRACT(YEAR FROM ts) FROM t", h2("SELECT date_part('year', ts) FROM t"));
        assertEquals("SELECT EXTRACT(ISO_WEEK FROM ts) FROM t", h2("SELECT EXTRACT(WEEK FROM ts) FROM t"));
        assertEquals("SELECT EXTRACT(ISO_WEEK FROM ts) FROM t", h2("SELECT date_part('week', ts) FROM t"));
        assertEquals("SELECT DATE_TRUNC('ISO_WEEK', ts) FROM t", h2("SELECT date_trunc('week', ts) FROM t"));
        assertEquals("SELECT date_trunc('month', ts) FROM t", h2("SELECT date_trunc('month', ts) FROM t"));
    }

    @Test
    void stringFunctionsH2NamesDifferently() throws Exception {
        assertEquals("SELECT LOCATE('l', name) FROM t", h2("SELECT strpos(name, 'l') FROM t"));
        assertEquals("SELECT (LEFT(name, CHAR_LENGTH('Al')) = 'Al') FROM t",
                h2("SELECT starts_with(name, 'Al') FROM t"));
        assertEquals("SELECT * FROM t WHERE (RIGHT(name, CHAR_LENGTH('e')) = 'e')",
                h2("SELECT * FROM t WHERE ends_with(name, 'e')"));
    }

    @Test
    void castTypesH2SpellsDifferently() throws Exception {
        assertEquals("SELECT CAST(id AS VARCHAR), id::VARCHAR, CAST(amount AS NUMERIC (38, 10)), "
                        + "amount::numeric (10, 2) FROM t",
                h2("SELECT CAST(id AS TEXT), id::string, CAST(amount AS DECIMAL), amount::numeric(10,2) FROM t"));
    }

    @Test
    void rewritesReachSubqueriesCtesJoinsAndWindows() throws Exception {
        assertEquals("WITH r AS (SELECT id FROM t WHERE ts > CURRENT_TIMESTAMP - INTERVAL '7' DAY) "
                        + "SELECT r.id, EXTRACT(YEAR FROM c.since) FROM r JOIN c ON c.id = r.id "
                        + "AND c.since < CURRENT_TIMESTAMP - INTERVAL '1' DAY "
                        + "WHERE r.id IN (SELECT id FROM t WHERE LOCATE('x', s) > 0) "
                        + "ORDER BY row_number() OVER (PARTITION BY EXTRACT(MONTH FROM c.since) "
                        + "ORDER BY EXTRACT(ISO_WEEK FROM c.since))",
                h2("WITH r AS (SELECT id FROM t WHERE ts > NOW() - INTERVAL '7 days') "
                        + "SELECT r.id, date_part('year', c.since) FROM r JOIN c ON c.id = r.id "
                        + "AND c.since < NOW() - INTERVAL '1 day' "
                        + "WHERE r.id IN (SELECT id FROM t WHERE strpos(s, 'x') > 0) "
                        + "ORDER BY row_number() OVER (PARTITION BY date_part('month', c.since) "
                        + "ORDER BY EXTRACT(WEEK FROM c.since))"));
    }

    @Test
    void regexpReplaceIsLeftToH2sPostgresModeWhichKnowsTheGFlag() throws Exception {
        String sql = "SELECT regexp_replace(note, '[ae]', '*', 'g') FROM t";
        assertEquals(sql, h2(sql));
    }

    @Test
    void functionsH2LacksAreRefusedNamingTheEngineThatHasThem() {
        QueryException e = assertThrows(QueryException.class, () -> h2("SELECT split_part(s, ',', 2) FROM t"));
        assertEquals(QueryException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("split_part() is not available in engine memory (H2)"), e.getMessage());
        assertTrue(e.getMessage().contains("engine duckdb"), e.getMessage());
    }

    @Test
    void fullJoinsAreRefusedNamingTheEngineThatHasThem() {
        QueryException e = assertThrows(QueryException.class,
                () -> h2("SELECT * FROM a FULL OUTER JOIN b ON a.id = b.id"));
        assertEquals(QueryException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().startsWith("FULL OUTER JOIN is not available in engine memory (H2)"), e.getMessage());
        assertThrows(QueryException.class, () -> h2("SELECT * FROM a WHERE x IN (SELECT a.x FROM a FULL JOIN b ON true)"));
    }

    @Test
    void unchangedSyntaxPassesThrough() throws Exception {
        String sql = "SELECT status, count(*) AS n FROM orders WHERE customer ILIKE 'a%' GROUP BY status "
                + "ORDER BY n DESC NULLS LAST, status LIMIT 5 OFFSET 1";
        assertEquals(sql, h2(sql));
    }

    @Test
    void aQueryNeedingNoRewriteIsSentAsWritten() throws Exception {
        String sql = "select  id\nfrom t -- the comment stays\nwhere x = ?";
        assertEquals(sql, h2(sql));
    }

    @Test
    void otherDialectsGetTheQueryAsWritten() throws Exception {
        String sql = "SELECT  INTERVAL '90 days'  ";
        assertEquals(sql, Dialects.translate(sql, "postgres"));
        assertEquals(sql, Dialects.translate(sql, "datafusion"));
    }

    @Test
    void unparseableSqlIsAnInvalidArgument() {
        QueryException e = assertThrows(QueryException.class, () -> h2("SELEC 1"));
        assertEquals(QueryException.Kind.INVALID_ARGUMENT, e.kind());
    }
}

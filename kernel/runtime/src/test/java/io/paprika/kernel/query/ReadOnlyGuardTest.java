package io.paprika.kernel.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOnlyGuardTest {

    /** Each refused query and the name its refusal must carry. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("DROP TABLE t", "DROP"),
                Arguments.of("INSERT INTO t VALUES (1)", "INSERT"),
                Arguments.of("UPDATE t SET a = 1", "UPDATE"),
                Arguments.of("DELETE FROM t", "DELETE"),
                Arguments.of("MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN UPDATE SET a = 1", "MERGE"),
                Arguments.of("CREATE TABLE x AS SELECT 1", "CREATE"),
                Arguments.of("CREATE SECRET s (TYPE s3)", "CREATE"),
                Arguments.of("ALTER TABLE t ADD COLUMN b INT", "ALTER"),
                Arguments.of("TRUNCATE TABLE t", "TRUNCATE"),
                Arguments.of("COPY t TO '/tmp/x.csv'", "COPY"),
                Arguments.of("copy (SELECT 1) TO '/tmp/x.csv' (FORMAT CSV)", "COPY"),
                Arguments.of("ATTACH 'x.db' AS x", "ATTACH"),
                Arguments.of("DETACH x", "DETACH"),
                Arguments.of("PRAGMA database_list", "PRAGMA"),
                Arguments.of("INSTALL httpfs", "INSTALL"),
                Arguments.of("LOAD httpfs", "LOAD"),
                Arguments.of("SET threads = 1", "SET"),
                Arguments.of("RESET threads", "RESET"),
                Arguments.of("CALL pragma_version()", "CALL"),
                Arguments.of("EXPORT DATABASE '/tmp/d'", "EXPORT"),
                Arguments.of("IMPORT DATABASE '/tmp/d'", "IMPORT"),
                Arguments.of("CHECKPOINT", "CHECKPOINT"),
                Arguments.of("VACUUM", "VACUUM"),
                Arguments.of("GRANT SELECT ON t TO bob", "GRANT"),
                Arguments.of("USE x", "USE"),
                Arguments.of("EXECUTE p(1)", "EXECUTE"),
                Arguments.of("SCRIPT TO '/tmp/x.sql'", "SCRIPT"),
                Arguments.of("SELECT * INTO t2 FROM t", "SELECT ... INTO"),
                Arguments.of("SELECT 1; DROP TABLE t", "2 statements"),
                Arguments.of("SELECT 'a\\'; DROP TABLE t; --'", "2 statements"),
                Arguments.of("SELECT q'[a'; DROP TABLE t; --]'", "q'...' quoting"),
                Arguments.of("SELECT nq'[a'; DROP TABLE t; --]'", "q'...' quoting"),
                Arguments.of("SELECT 1; COPY t TO '/tmp/x'", "the second is COPY"),
                Arguments.of("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", "DELETE inside WITH d"),
                Arguments.of("SELECT * FROM read_csv('x.csv')", "read_csv"),
                Arguments.of("SELECT * FROM read_csv_auto('x.csv')", "read_csv_auto"),
                Arguments.of("SELECT * FROM main.READ_PARQUET(['a.parquet'])", "READ_PARQUET"),
                Arguments.of("SELECT * FROM \"read_json_auto\"('x.json')", "read_json_auto"),
                Arguments.of("SELECT * FROM parquet_scan('x')", "parquet_scan"),
                Arguments.of("SELECT * FROM read_text('/etc/passwd')", "read_text"),
                Arguments.of("SELECT * FROM glob('*')", "glob"),
                Arguments.of("SELECT * FROM query('SELECT 1')", "query"),
                Arguments.of("SELECT * FROM sniff_csv('x.csv')", "sniff_csv"),
                Arguments.of("SELECT * FROM duckdb_settings()", "duckdb_settings"),
                Arguments.of("SELECT * FROM pragma_table_info('t')", "pragma_table_info"),
                Arguments.of("SELECT * FROM CSVREAD('x.csv')", "CSVREAD"),
                Arguments.of("SELECT * FROM TABLE(generate_series(1, 3))", "TABLE"),
                Arguments.of("SELECT * FROM t, read_csv('x') r", "read_csv"),
                Arguments.of("SELECT * FROM t JOIN read_blob('x') b ON true", "read_blob"),
                Arguments.of("SELECT FILE_READ('/etc/passwd')", "FILE_READ"),
                Arguments.of("SELECT FILE_WRITE('x', '/tmp/x')", "FILE_WRITE"),
                Arguments.of("SELECT CSVWRITE('/tmp/x.csv', 'SELECT 1')", "CSVWRITE"),
                Arguments.of("SELECT DISK_SPACE_USED('T')", "DISK_SPACE_USED"),
                Arguments.of("SELECT DATABASE_PATH()", "DATABASE_PATH"),
                Arguments.of("SELECT SIGNAL('01000', 'x')", "SIGNAL"),
                Arguments.of("SELECT getenv('HOME')", "getenv"),
                Arguments.of("SELECT system.main.getenv('HOME')", "getenv"),
                Arguments.of("SELECT current_setting('threads')", "current_setting"),
                Arguments.of("SELECT set_config('a', 'b', false)", "set_config"),
                Arguments.of("SELECT pg_read_file('/etc/passwd')", "pg_read_file"),
                Arguments.of("SELECT lo_import('/etc/passwd')", "lo_import"),
                Arguments.of("SELECT nextval('s')", "nextval"),
                Arguments.of("SELECT NEXT VALUE FOR s", "NEXT VALUE FOR"),
                Arguments.of("SELECT a FROM t WHERE a IN (SELECT getenv('HOME'))", "getenv"),
                Arguments.of("SELECT a FROM t WHERE a IN (FROM read_csv('x'))", "read_csv"),
                Arguments.of("WITH a AS (SELECT FILE_READ('x') AS f) SELECT * FROM a", "FILE_READ"),
                Arguments.of("SELECT upper(lower(read_text('x')))", "read_text"),
                Arguments.of("SELECT CASE WHEN a > 1 THEN getenv('x') END FROM t", "getenv"),
                Arguments.of("SELECT a FROM t ORDER BY current_setting('x')", "current_setting"),
                Arguments.of("SELECT count(*) FROM t GROUP BY a HAVING max(getenv('x')) > ''", "getenv"),
                Arguments.of("SELECT * FROM (SELECT * FROM read_csv('x')) s", "read_csv"),
                Arguments.of("SELECT 1 UNION ALL SELECT length(getenv('x'))", "getenv"),
                Arguments.of("SELECT a FROM t GROUP BY a, getenv('x')", "getenv"),
                Arguments.of("SELECT a FROM t LIMIT 3 OFFSET (SELECT length(getenv('x')))", "getenv"),
                Arguments.of("SELECT a FROM t QUALIFY row_number() OVER (ORDER BY getenv('x')) = 1", "getenv"),
                Arguments.of("SELECT sum(a) OVER (PARTITION BY getenv('x')) FROM t", "getenv"),
                Arguments.of("SELECT a FROM t JOIN u ON t.a = length(getenv('x'))", "getenv"),
                Arguments.of("(SELECT a FROM t) UNION (SELECT a FROM u) ORDER BY current_setting('x')", "current_setting"),
                Arguments.of("FROM read_csv('x.csv')", "read_csv"),
                Arguments.of("FROM t JOIN u ON t.a = getenv('x')", "getenv"),
                Arguments.of("SELECT * FROM t PIVOT (sum(a) FOR b IN (getenv('x')))", "getenv"),
                Arguments.of("SELECT * FROM t PIVOT (max(read_text('x')) FOR b IN (1))", "read_text"),
                Arguments.of("SELECT * FROM '/etc/passwd'", "'/etc/passwd'"),
                Arguments.of("SELECT * FROM t JOIN 'secret.csv' s ON true", "'secret.csv'"),
                Arguments.of("FROM 'secret.csv'", "'secret.csv'"),
                Arguments.of("FROM t |> WHERE a = 1", "pipe"),
                Arguments.of("SELECT * FROM system.information_schema.tables", "information_schema"),
                Arguments.of("SELECT * FROM 'data.csv' AS d", "'data.csv'"),
                Arguments.of("SELECT * FROM pg_catalog.pg_tables", "pg_catalog.pg_tables"));
    }

    @ParameterizedTest
    @MethodSource
    void refused(String sql, String named) {
        QueryException e = assertThrows(QueryException.class, () -> ReadOnlyGuard.check(sql), sql);
        assertEquals(QueryException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains(named), () -> sql + " → " + e.getMessage());
        assertTrue(e.getMessage().contains(ReadOnlyGuard.ONLY_READS), () -> sql + " → " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1",
        "SELECT 1;",
        "SELECT a, upper(b) FROM \"my-ds\" WHERE a > 1 ORDER BY a LIMIT 3",
        "WITH x AS (SELECT a FROM t) SELECT count(*) FROM x",
        "SELECT * FROM generate_series(1, 3)",
        "SELECT * FROM range(3)",
        "SELECT * FROM unnest([1, 2]) u(x)",
        "SELECT unnest([1, 2])",
        "SELECT pg_typeof(1)",
        "SELECT 'it''s; not a statement', N'x', 'quiet' AS q, 'q''x', 'nq''[x]'''",
        "SELECT * FROM public.products",
        "SELECT a FROM t UNION SELECT a FROM u",
        "VALUES (1), (2)",
        "SELECT date_trunc('day', ts), sum(v) OVER (PARTITION BY k) FROM t"})
    void readOnlyQueriesPass(String sql) throws QueryException {
        ReadOnlyGuard.check(sql);
    }

    @Test
    void failedParsesDoNotLeaveThreadsBehind() {
        assertThrows(QueryException.class, () -> ReadOnlyGuard.check("COPY t TO '/tmp/x'"));
        int before = Thread.activeCount();
        for (int i = 0; i < 50; i++) {
            assertThrows(QueryException.class, () -> ReadOnlyGuard.check("COPY t TO '/tmp/x'"));
        }
        int grown = Thread.activeCount() - before;
        assertTrue(grown < 10, grown + " more threads after 50 failed parses");
    }

    @Test
    void unparsableSqlStaysAnSqlError() {
        QueryException e = assertThrows(QueryException.class, () -> ReadOnlyGuard.check("SELEC * FROM"));
        assertEquals(QueryException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().startsWith("SQL error: "), e.getMessage());
        assertTrue(assertThrows(QueryException.class, () -> ReadOnlyGuard.check("SELECT 1;;")).getMessage()
                .startsWith("SQL error: "));
    }
}

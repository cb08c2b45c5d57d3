package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query endpoints are read-only whatever the engine: writes, engine commands, file access and engine
 * internals are refused by name over HTTP and Flight SQL, and afterwards the datasets still hold their rows
 * and no file was written.
 */
class ReadOnlyIT {
    private static final String ONLY_READS = "only read-only queries (SELECT, WITH ... SELECT) over datasets and views "
            + "are allowed";

    @TempDir
    static Path dir;
    static Spiced spiced;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("cities.csv"), "id,city\n1,Oslo\n2,Lima\n3,Pune\n");
        Files.writeString(dir.resolve("trips.csv"), "id,km\n1,10\n2,20\n");
        // a local file a replacement scan or file reader could reach from the runtime's working folder
        Files.writeString(dir.resolve("secret.csv"), "token\nhunter2\n");
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: readonly
                datasets:
                  - from: file:cities.csv
                    name: cities
                    acceleration: {enabled: true, engine: memory}
                  - from: file:trips.csv
                    name: trips
                    acceleration: {enabled: true, engine: duckdb}
                """);
        spiced = Spiced.start(dir, Spiced.pluginsWith(dir, "paprika-connector-file", "paprika-accel-memory",
                "paprika-accel-duckdb"), Map.of());
        spiced.awaitTrue(Duration.ofSeconds(60), "cities and trips to load",
                () -> spiced.body("SELECT count(*) AS n FROM cities").equals("[{\"n\":3}]")
                        && spiced.body("SELECT count(*) AS n FROM trips").equals("[{\"n\":2}]"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (spiced != null) {
            spiced.close();
        }
    }

    /** Each refused query, with the statement or function its refusal must name. */
    private static List<String[]> refused() {
        String out = dir.resolve("out").toString();
        List<String[]> q = new ArrayList<>();
        for (String t : List.of("cities", "trips")) { // one dataset per engine
            q.add(new String[] {"DROP TABLE " + t, "DROP"});
            q.add(new String[] {"INSERT INTO " + t + " VALUES (9, 9)", "INSERT"});
            q.add(new String[] {"UPDATE " + t + " SET id = 0", "UPDATE"});
            q.add(new String[] {"DELETE FROM " + t, "DELETE"});
            q.add(new String[] {"MERGE INTO " + t + " USING " + t + " s ON " + t + ".id = s.id WHEN MATCHED THEN DELETE",
                "MERGE"});
            q.add(new String[] {"CREATE TABLE copy_" + t + " AS SELECT * FROM " + t, "CREATE"});
            q.add(new String[] {"ALTER TABLE " + t + " ADD COLUMN x INT", "ALTER"});
            q.add(new String[] {"TRUNCATE TABLE " + t, "TRUNCATE"});
            q.add(new String[] {"COPY " + t + " TO '" + out + "-" + t + ".csv'", "COPY"});
            q.add(new String[] {"SELECT * INTO copy_" + t + " FROM " + t, "SELECT ... INTO"});
            q.add(new String[] {"SELECT 1 FROM " + t + "; DROP TABLE " + t, "2 statements"});
            q.add(new String[] {"SELECT * FROM " + t + ", read_csv('secret.csv') s", "read_csv"});
            q.add(new String[] {"SELECT id FROM " + t + " WHERE id IN (SELECT length(getenv('HOME')))", "getenv"});
            q.add(new String[] {"WITH s AS (SELECT FILE_READ('secret.csv') AS f) SELECT * FROM s, " + t, "FILE_READ"});
        }
        q.add(new String[] {"COPY (SELECT 1) TO '" + out + "-query.csv' (FORMAT CSV)", "COPY"});
        q.add(new String[] {"ATTACH '" + out + ".db' AS other", "ATTACH"});
        q.add(new String[] {"DETACH other", "DETACH"});
        q.add(new String[] {"PRAGMA database_list", "PRAGMA"});
        q.add(new String[] {"INSTALL httpfs", "INSTALL"});
        q.add(new String[] {"LOAD httpfs", "LOAD"});
        q.add(new String[] {"SET threads = 1", "SET"});
        q.add(new String[] {"RESET threads", "RESET"});
        q.add(new String[] {"CALL pragma_version()", "CALL"});
        q.add(new String[] {"EXPORT DATABASE '" + out + "-export'", "EXPORT"});
        q.add(new String[] {"IMPORT DATABASE '" + out + "-export'", "IMPORT"});
        q.add(new String[] {"CHECKPOINT", "CHECKPOINT"});
        q.add(new String[] {"VACUUM", "VACUUM"});
        q.add(new String[] {"GRANT SELECT ON cities TO bob", "GRANT"});
        q.add(new String[] {"USE other", "USE"});
        q.add(new String[] {"EXECUTE p(1)", "EXECUTE"});
        q.add(new String[] {"SCRIPT TO '" + out + "-script.sql'", "SCRIPT"});
        q.add(new String[] {"SELECT 1; COPY trips TO '" + out + "-multi.csv'", "the second is COPY"});
        // quoting JSqlParser and the engines would split differently
        q.add(new String[] {"SELECT 'a\\'; DROP TABLE trips; --'", "2 statements"});
        q.add(new String[] {"SELECT q'[a'; DROP TABLE trips; --]'", "q'...' quoting"});
        for (String f : List.of("read_csv", "read_csv_auto", "read_parquet", "parquet_scan", "read_json_auto",
                "read_text", "read_blob", "glob", "sniff_csv", "CSVREAD")) {
            q.add(new String[] {"SELECT * FROM " + f + "('secret.csv')", f});
        }
        q.add(new String[] {"SELECT * FROM query('SELECT 1')", "query"});
        q.add(new String[] {"SELECT * FROM duckdb_settings()", "duckdb_settings"});
        q.add(new String[] {"SELECT * FROM pragma_table_info('trips')", "pragma_table_info"});
        q.add(new String[] {"SELECT * FROM LINK_SCHEMA('a', '', 'jdbc:h2:mem:', '', '', 'PUBLIC')", "LINK_SCHEMA"});
        q.add(new String[] {"SELECT * FROM TABLE(generate_series(1, 3))", "TABLE"});
        q.add(new String[] {"SELECT FILE_READ('secret.csv')", "FILE_READ"});
        q.add(new String[] {"SELECT FILE_WRITE('x', '" + out + "-fw.txt')", "FILE_WRITE"});
        q.add(new String[] {"SELECT CSVWRITE('" + out + "-csvwrite.csv', 'SELECT 1')", "CSVWRITE"});
        q.add(new String[] {"SELECT DISK_SPACE_USED('CITIES')", "DISK_SPACE_USED"});
        q.add(new String[] {"SELECT DATABASE_PATH()", "DATABASE_PATH"});
        q.add(new String[] {"SELECT SIGNAL('01000', 'x')", "SIGNAL"});
        q.add(new String[] {"SELECT current_setting('threads')", "current_setting"});
        q.add(new String[] {"SELECT upper(read_text('secret.csv'))", "read_text"});
        q.add(new String[] {"SELECT pg_read_file('secret.csv')", "pg_read_file"});
        q.add(new String[] {"SELECT lo_import('secret.csv')", "lo_import"});
        q.add(new String[] {"SELECT * FROM 'secret.csv'", "'secret.csv'"});
        q.add(new String[] {"SELECT * FROM '/etc/passwd'", "'/etc/passwd'"});
        q.add(new String[] {"SELECT * FROM pg_catalog.pg_tables", "pg_catalog.pg_tables"});
        return q;
    }

    @Test
    void httpRefusesEveryNonQueryByName() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String[] r : refused()) {
            HttpResponse<String> response = spiced.sql(r[0]);
            if (response.statusCode() != 400 || !response.body().contains(r[1]) || !response.body().contains(ONLY_READS)) {
                wrong.add(r[0] + " → " + response.statusCode() + " " + response.body());
            }
        }
        assertEquals(List.of(), wrong);
        assertUntouched();
    }

    @Test
    void flightSqlRefusesThemToo() throws Exception {
        try (Connection c = DriverManager.getConnection(spiced.jdbcUrl()); Statement s = c.createStatement()) {
            for (String[] r : List.of(
                    new String[] {"DELETE FROM trips", "DELETE"},
                    new String[] {"COPY trips TO '" + dir.resolve("out-flight.csv") + "'", "COPY"},
                    new String[] {"ATTACH '" + dir.resolve("out-flight.db") + "' AS x", "ATTACH"},
                    new String[] {"SELECT 1 FROM cities; DROP TABLE cities", "2 statements"},
                    new String[] {"SELECT * FROM cities, read_csv('secret.csv') s", "read_csv"},
                    new String[] {"SELECT FILE_READ('secret.csv')", "FILE_READ"},
                    new String[] {"SELECT * FROM 'secret.csv'", "'secret.csv'"},
                    new String[] {"SELECT id FROM trips ORDER BY getenv('HOME')", "getenv"})) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(r[0]).close(), r[0]);
                assertTrue(e.getMessage().contains(r[1]) && e.getMessage().contains(ONLY_READS), r[0] + " → " + e.getMessage());
            }
            // a prepared statement is planned by the engine: it is refused before that
            SQLException prepared = assertThrows(SQLException.class,
                    () -> c.prepareStatement("SELECT * FROM trips, read_csv('secret.csv') s").close());
            assertTrue(prepared.getMessage().contains("read_csv"), prepared.getMessage());
        }
        assertUntouched();
    }

    @Test
    void readOnlyQueriesStillRun() throws Exception {
        assertEquals("[{\"n\":3}]", spiced.body("SELECT count(*) AS n FROM cities WHERE id IN (SELECT id FROM cities)"));
        assertEquals("[{\"s\":30}]", spiced.body("WITH t AS (SELECT km FROM trips) SELECT sum(km) AS s FROM t"));
        // the allowed table functions, in the engine that has them
        assertEquals("[{\"n\":6}]", spiced.body(
                "SELECT count(*) AS n FROM trips, generate_series(1, 3) g(x) WHERE x IN (SELECT * FROM range(1, 4))"));
    }

    /** Both datasets keep their rows and none of the refused statements wrote a file. */
    private static void assertUntouched() throws Exception {
        assertEquals("[{\"n\":3}]", spiced.body("SELECT count(*) AS n FROM cities"));
        assertEquals("[{\"n\":2}]", spiced.body("SELECT count(*) AS n FROM trips"));
        try (var files = Files.list(dir)) {
            List<String> written = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("out")).toList();
            assertEquals(List.of(), written);
        }
        assertFalse(spiced.output().contains("hunter2"), "the secret file's content reached the log");
    }
}

package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One dialect: the same PostgreSQL-flavoured queries give the same rows whether the datasets are
 * held by engine memory (H2) or engine duckdb. Each engine gets its own runtime with both datasets,
 * under the same names, loaded from local CSV files; every case is compared with the rows
 * PostgreSQL gives (dialect/cases.yaml).
 */
class DialectIT {
    private static final List<String> DATA = List.of("orders.csv", "customers.csv");

    @TempDir
    static Path dir;
    private static List<DialectCases.Case> cases;
    private static Spiced memory;
    private static Spiced duckdb;

    @BeforeAll
    static void startBothEngines() throws Exception {
        cases = DialectCases.load();
        memory = Spiced.start(pod("memory"), null, Map.of());
        duckdb = Spiced.start(pod("duckdb"), null, Map.of());
        memory.awaitReady(Duration.ofSeconds(60));
        duckdb.awaitReady(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Spiced s : new Spiced[] {memory, duckdb}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void theSuiteCoversEnoughQueries() {
        assertTrue(cases.size() >= 65, "only " + cases.size() + " cases");
    }

    @Test
    void engineMemoryAnswersLikePostgres() throws Exception {
        check("memory", memory);
    }

    @Test
    void engineDuckdbAnswersLikePostgres() throws Exception {
        check("duckdb", duckdb);
    }

    /** NOW() is a timestamp with time zone (UTC on the wire) in both, as in PostgreSQL and DataFusion. */
    @Test
    void nowIsTheCurrentTimeWithATimeZoneInBothEngines() throws Exception {
        for (Spiced spiced : List.of(memory, duckdb)) {
            String body = spiced.body("SELECT NOW() AS t FROM customers WHERE name = 'Alice'");
            Matcher m = Pattern.compile("\\[\\{\"t\":\"([^\"]+Z)\"}]").matcher(body);
            assertTrue(m.matches(), "NOW() gave " + body);
            Duration off = Duration.between(Instant.parse(m.group(1)), Instant.now()).abs();
            assertTrue(off.compareTo(Duration.ofMinutes(1)) < 0, "NOW() is " + m.group(1));
        }
    }

    /** Runs every case and fails once, listing each case that went wrong. */
    private static void check(String engine, Spiced spiced) throws Exception {
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (DialectCases.Case c : cases) {
            run++;
            if (c.needsFallback() && engine.equals("memory")) {
                // H2 lacks it: the query runs above the engine, in DuckDB, and EXPLAIN says so.
                String plan = spiced.sql("EXPLAIN " + c.sql(), "text/csv").body();
                if (!plan.contains("federated: the single engine could not run it")) {
                    failures.add(c.name() + " [" + engine + "]: not run above the engine; EXPLAIN gave " + plan);
                }
            }
            HttpResponse<String> response = spiced.sql(c.sql());
            String why = response.statusCode() != 200 ? "HTTP " + response.statusCode()
                    : DialectCases.mismatch(c, response.body());
            if (why != null) {
                failures.add(c.name() + " [" + engine + "]: " + why + "\n    SQL: " + c.sql().replace("\n", " ")
                        + "\n    expected: " + c.rows() + "\n    actual: " + response.body());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + run + " cases differ in engine " + engine + ":\n"
                    + String.join("\n", failures));
        }
    }

    /** A spicepod folder holding both datasets in {@code engine}. */
    private static Path pod(String engine) throws IOException {
        Path pod = Files.createDirectories(dir.resolve(engine));
        for (String file : DATA) {
            try (InputStream in = DialectIT.class.getResourceAsStream("/dialect/" + file)) {
                Files.copy(in, pod.resolve(file));
            }
        }
        Files.writeString(pod.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: dialect-%1$s
                datasets:
                  - from: file:orders.csv
                    name: orders
                    acceleration:
                      enabled: true
                      engine: %1$s
                  - from: file:customers.csv
                    name: customers
                    acceleration:
                      enabled: true
                      engine: %1$s
                """.formatted(engine));
        return pod;
    }
}

package io.paprika.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A tiny run of the whole harness on the built distribution, so it cannot rot unnoticed: every
 * figure is produced with sane values. Targets are not asserted; they mean nothing at these sizes.
 */
class BenchSmokeIT {
    private static final long ROWS = 20_000;
    private static final long LOOKUP_ROWS = 2_000;
    private static final Set<String> FIGURES = Set.of("flight_scan", "flight_transfer", "http_scan_json", "http_scan_csv",
            "aggregate_latency", "peak_rss", "load_parquet_duckdb", "load_csv_duckdb", "load_memory",
            "lookup_flight_memory", "lookup_http_memory", "lookup_flight_duckdb", "lookup_http_duckdb", "concurrency",
            "startup", "hot_load");

    @Test
    void tinyRunProducesEveryFigure(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.json");
        int exit = new CommandLine(new Bench()).execute("--rows", "" + ROWS, "--lookup-rows", "" + LOOKUP_ROWS,
                "--memory-rows", "" + ROWS, "--runs", "1", "--latency-runs", "3", "--lookups", "20", "--lookup-warm-up",
                "100", "--lookup-warm-up-max", "140", "--concurrency", "4", "--concurrency-seconds", "1", "--dist",
                System.getProperty("paprika.dist"), "--work", dir.resolve("work").toString(), "--out", out.toString());
        assertEquals(0, exit, "the harness exits 0 even where targets are missed");

        JsonNode results = new ObjectMapper().readTree(out.toFile());
        List<String> ids = new ArrayList<>();
        for (JsonNode f : results.get("figures")) {
            String id = f.get("id").asText();
            ids.add(id);
            double measured = f.get("measured").asDouble();
            assertTrue(measured > 0 && Double.isFinite(measured), id + " measured " + measured);
            assertTrue(f.get("baseline").isNull() || f.get("baseline").asDouble() > 0, id + ": " + f);
        }
        assertEquals(FIGURES, Set.copyOf(ids));
        assertEquals(FIGURES.size(), ids.size(), "each figure once: " + ids);

        assertEquals(ROWS, details(results, "flight_scan").get("rows").asLong(), "rows over Flight");
        assertEquals(ROWS, details(results, "flight_scan").get("baseline_rows").asLong(), "rows in-process");
        // Batches differ in size, so buffer padding does too; the columns are the same.
        assertEquals(details(results, "flight_scan").get("arrow_bytes").asDouble(),
                details(results, "flight_scan").get("baseline_arrow_bytes").asDouble(),
                details(results, "flight_scan").get("baseline_arrow_bytes").asDouble() / 100, "the same columns both sides");
        assertEquals(ROWS, details(results, "flight_transfer").get("rows").asLong(), "rows over Flight alone");
        assertEquals(details(results, "flight_transfer").get("baseline_arrow_bytes").asDouble(),
                details(results, "flight_transfer").get("arrow_bytes").asDouble(),
                details(results, "flight_transfer").get("baseline_arrow_bytes").asDouble() / 100, "Flight alone sends the same columns");
        assertEquals(ROWS, details(results, "http_scan_json").get("rows").asLong(), "rows as JSON");
        assertEquals(ROWS, details(results, "http_scan_csv").get("rows").asLong(), "rows as CSV");
        assertEquals(8, details(results, "aggregate_latency").get("groups").asLong());
        assertEquals(ROWS, details(results, "load_memory").get("rows").asLong());
        assertTrue(details(results, "load_memory").get("peak_heap_bytes").asLong() > 0, "heap was sampled");
        assertTrue(details(results, "peak_rss").get("peak_rss_bytes").asLong() > 0);
        assertEquals(20, details(results, "lookup_flight_memory").get("lookups").asInt());
        assertEquals(1, details(results, "lookup_flight_memory").get("each_pass").size(), "one pass per --runs");
        assertEquals(100, results.get("options").get("lookup_warm_up").asInt());
        // Past the minimum the warm-up goes on in passes of --lookups while a JVM compiles, up to the maximum.
        int warmUp = details(results, "lookup_flight_memory").get("warm_up_lookups").asInt();
        assertTrue(warmUp == 100 || warmUp == 120 || warmUp == 140, "warm-up lookups " + warmUp);
        assertTrue(details(results, "lookup_flight_memory").get("warm_up_settled").isBoolean());
        JsonNode pass = details(results, "lookup_flight_memory").get("each_pass").get(0);
        assertTrue(pass.get("runtime_jit_ms").asLong() >= 0, "the runtime's compilers read from /proc: " + pass);
        assertTrue(pass.get("harness_jit_ms").asLong() >= 0, "the harness's own compilers: " + pass);
        assertTrue(details(results, "startup").get("first_start_ms").asDouble() > 0, "the first start is reported");
        assertEquals(0, details(results, "concurrency").get("errors").asLong(), "no failed lookup under concurrency");
        assertTrue(details(results, "concurrency").get("lookups_ok").asLong() > 0);
        assertTrue(results.get("figures").findValues("met").stream().anyMatch(JsonNode::isBoolean),
                "targets are evaluated");
    }

    private static JsonNode details(JsonNode results, String id) {
        for (JsonNode f : results.get("figures")) {
            if (id.equals(f.get("id").asText())) {
                return f.get("details");
            }
        }
        throw new AssertionError("no figure " + id + " in " + results);
    }
}

package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins added, removed, replaced and failing while {@code bin/spiced} runs, on real bundle jars. */
class HotLoadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPICEPOD = """
            version: v1
            kind: Spicepod
            name: hot
            datasets:
              - from: file:fast.csv
                name: fast
                acceleration: {enabled: true, engine: arrow}
              - from: file:slow.csv
                name: slow
                acceleration: {enabled: true, engine: duckdb}
            """;

    @Test
    void enginesComeGoAndAreReplacedWithoutRestart(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spicepod.yaml"), SPICEPOD);
        Files.writeString(dir.resolve("fast.csv"), "id,v\n1,a\n2,b\n");
        Files.writeString(dir.resolve("slow.csv"), "id,w\n1,x\n2,y\n3,z\n");
        Path plugins = Spiced.pluginsWith(dir, "paprika-connector-file", "paprika-accel-memory");
        try (Spiced spiced = Spiced.start(dir, plugins, Map.of())) {
            // accel-duckdb absent: the duckdb dataset says so, and the runtime is not ready.
            spiced.awaitTrue(Duration.ofSeconds(30), "fast to load", () -> spiced.body("SELECT count(*) AS n FROM fast")
                    .equals("[{\"n\":2}]"));
            JsonNode slow = dataset(spiced, "slow");
            assertEquals("Initializing", slow.get("status").asText());
            assertTrue(slow.get("message").asText().contains("engine `duckdb` is not installed"), slow.toString());
            spiced.awaitOutput("engine `duckdb` is not installed");
            assertEquals(503, spiced.get("/v1/ready").statusCode());

            // Drop the jar in: the dataset loads and serves within 10 seconds.
            Bundles.copyAtomically(Spiced.DIST.resolve("plugins/paprika-accel-duckdb.jar"),
                    plugins.resolve("paprika-accel-duckdb.jar"));
            spiced.awaitTrue(Duration.ofSeconds(10), "slow to be queryable",
                    () -> spiced.body("SELECT count(*) AS n FROM slow").equals("[{\"n\":3}]"));
            assertEquals(200, spiced.get("/v1/ready").statusCode());

            // Replace accel-duckdb with a new build: the new bundle serves, the old is gone, DuckDB
            // itself (the shared library bundle) is not reloaded.
            long duckdbLibraryId = bundle(spiced, "org.duckdb.duckdb_jdbc").get("id").asLong();
            String oldVersion = dataset(spiced, "slow").get("engine_bundle").asText();
            Bundles.rebuilt(Spiced.DIST.resolve("plugins/paprika-accel-duckdb.jar"), "9.9.9.rebuilt",
                    plugins.resolve("paprika-accel-duckdb.jar"));
            spiced.awaitTrue(Duration.ofSeconds(20), "the rebuilt engine to serve", () -> {
                JsonNode d = dataset(spiced, "slow");
                return d.path("engine_bundle").asText().equals("io.paprika.accel.duckdb 9.9.9.rebuilt")
                        && "Ready".equals(d.path("status").asText());
            });
            assertNotEquals("io.paprika.accel.duckdb 9.9.9.rebuilt", oldVersion);
            assertEquals("[{\"n\":3}]", spiced.body("SELECT count(*) AS n FROM slow"));
            assertEquals(1, bundles(spiced, "io.paprika.accel.duckdb").size(), "the old build is gone");
            assertEquals(duckdbLibraryId, bundle(spiced, "org.duckdb.duckdb_jdbc").get("id").asLong(),
                    "DuckDB stays one long-lived library bundle");
            assertEquals(1, duckdbNativeMappings(spiced.process().pid()), "DuckDB's native library is loaded once");

            // Delete accel-memory: its dataset reports the missing bundle; the other keeps serving.
            Files.delete(plugins.resolve("paprika-accel-memory.jar"));
            spiced.awaitTrue(Duration.ofSeconds(10), "fast to report its missing engine", () -> {
                JsonNode d = dataset(spiced, "fast");
                return "Error".equals(d.path("status").asText())
                        && d.path("message").asText().contains("io.paprika.accel.memory");
            });
            assertEquals(503, spiced.sql("SELECT * FROM fast").statusCode());
            assertEquals("[{\"n\":3}]", spiced.body("SELECT count(*) AS n FROM slow"));
            assertEquals(503, spiced.get("/v1/ready").statusCode());
            assertEquals(0, status(spiced).get("arrow_memory").get("allocated_bytes").asLong(),
                    "no Arrow memory left allocated");
        }
    }

    @Test
    void aPluginThatFailsToActivateIsReportedAndTheKernelKeepsServing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spicepod.yaml"), SPICEPOD);
        Files.writeString(dir.resolve("fast.csv"), "id,v\n1,a\n2,b\n");
        Files.writeString(dir.resolve("slow.csv"), "id,w\n1,x\n");
        Path plugins = Spiced.pluginsWith(dir, "paprika-connector-file", "paprika-accel-memory", "paprika-accel-duckdb");
        try (Spiced spiced = Spiced.start(dir, plugins, Map.of())) {
            spiced.awaitReady(Duration.ofSeconds(60));
            Bundles.fromTestPackage("io.paprika.test.faulty", "io.paprika.distribution.faulty",
                    plugins.resolve("faulty.jar"));
            spiced.awaitTrue(Duration.ofSeconds(15), "the failure in /v1/status", () -> bundles(spiced,
                    "io.paprika.test.faulty").stream().anyMatch(b -> b.get("components").toString()
                            .contains("failed activation")));
            JsonNode component = bundles(spiced, "io.paprika.test.faulty").get(0).get("components").get(0);
            assertTrue(component.get("failure").asText().contains("the faulty plugin refuses to start"),
                    component.toString());
            spiced.awaitTrue(Duration.ofSeconds(5), "the failure in the log",
                    () -> spiced.output().contains("failed to activate"));
            assertEquals("[{\"n\":2}]", spiced.body("SELECT count(*) AS n FROM fast"));
            assertEquals(200, spiced.get("/v1/ready").statusCode());
        }
    }


    private static JsonNode status(Spiced spiced) {
        try {
            return JSON.readTree(spiced.get("/v1/status").body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode dataset(Spiced spiced, String name) {
        try {
            for (JsonNode d : JSON.readTree(spiced.get("/v1/datasets?status=true").body())) {
                if (d.get("name").asText().equals(name)) {
                    return d;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no dataset " + name);
    }

    private static List<JsonNode> bundles(Spiced spiced, String symbolicName) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode b : status(spiced).get("plugins")) {
            if (b.get("name").asText().equals(symbolicName)) {
                out.add(b);
            }
        }
        return out;
    }

    private static JsonNode bundle(Spiced spiced, String symbolicName) {
        return Optional.of(bundles(spiced, symbolicName)).filter(l -> l.size() == 1).map(l -> l.get(0))
                .orElseThrow(() -> new AssertionError("expected one bundle " + symbolicName));
    }

    /** How many distinct DuckDB native library files the process has mapped. */
    private static long duckdbNativeMappings(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/maps")).stream().filter(l -> l.contains("duckdb"))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).distinct().count();
    }
}

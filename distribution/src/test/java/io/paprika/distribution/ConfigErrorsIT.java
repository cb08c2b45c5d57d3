package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** A bad spicepod stops {@code bin/spiced} before it serves, with an error naming key and line. */
class ConfigErrorsIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key       | refresh_every: 10s                 | `datasets[0].acceleration.refresh_every` (line 9): unknown key",
        "bad duration      | refresh_check_interval: soon       | `datasets[0].acceleration.refresh_check_interval` (line 9): `soon` is not a duration",
        "unknown engine    | engine: duckbd                     | `datasets[0].acceleration.engine` (line 9): `duckbd` is not valid",
        "unknown mode      | mode: disk                         | `datasets[0].acceleration.mode` (line 9): `disk` is not valid",
        "wrong type        | enabled: maybe                     | `datasets[0].acceleration.enabled` (line 9): expected true or false",
        "unknown param     | 'params: {duckdb_fiel: x.db}'      | `acceleration.params.duckdb_fiel` (line 9): unknown param for engine `arrow`",
        "bad refresh_sql   | 'refresh_sql: DELETE FROM things'  | `datasets[0].acceleration.refresh_sql` (line 9): must be `SELECT",
        "missing secret    | 'params: {duckdb_file: \"${secrets:NOPE_NOT_SET}\"}' | secret `NOPE_NOT_SET` is not set",
    })
    void badSpicepodExitsNonZeroNamingTheProblem(String name, String accelerationLine, String expected,
            @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("things.csv"), "a\n1\n");
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: bad
                datasets:
                  - from: file:things.csv
                    name: things
                    acceleration:
                      refresh_mode: full
                      %s
                """.formatted(accelerationLine));
        try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
            int code = spiced.awaitExit(Duration.ofSeconds(60));
            assertTrue(code != 0, "exit code " + code);
            assertTrue(spiced.output().contains(expected), "expected `" + expected + "` in:\n" + spiced.output());
            assertTrue(!spiced.output().contains("HTTP API listening"), "nothing is served");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not yaml      | 'version: v1\nkind: [Spicepod'                      | not valid YAML",
        "no kind       | 'version: v1\nname: x'                              | `kind` (line 1): is required",
        "unknown top   | 'version: v1\nkind: Spicepod\nname: x\nmodel: y'    | `model` (line 4): unknown key",
        "bad from      | 'version: v1\nkind: Spicepod\nname: x\ndatasets:\n  - from: nothing\n    name: d' | `datasets[0].from` (line 5)",
        "duplicate     | 'version: v1\nkind: Spicepod\nname: x\ndatasets:\n  - {from: \"file:a.csv\", name: d}\n  - {from: \"file:b.csv\", name: D}' | dataset `D` is defined twice",
        "view over missing dataset | 'version: v1\nkind: Spicepod\nname: x\ndatasets:\n  - {from: \"file:a.csv\", name: d}\nviews:\n  - {name: v, sql: SELECT * FROM e}' | `views[0]` (line 7): view `v` reads `e`, which is not a dataset or view",
    })
    void malformedSpicepodsAreRejected(String name, String yaml, String expected, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spicepod.yaml"), yaml.replace("\\n", "\n"));
        try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
            assertTrue(spiced.awaitExit(Duration.ofSeconds(60)) != 0);
            assertTrue(spiced.output().contains(expected), "expected `" + expected + "` in:\n" + spiced.output());
        }
    }

    @org.junit.jupiter.api.Test
    void missingSpicepodPathIsAnError(@TempDir Path dir) throws Exception {
        try (Spiced spiced = Spiced.start(dir, null, Map.of(), "does-not-exist.yaml")) {
            assertEquals(1, spiced.awaitExit(Duration.ofSeconds(60)));
            assertTrue(spiced.output().contains("does-not-exist.yaml does not exist"), spiced.output());
        }
    }
}

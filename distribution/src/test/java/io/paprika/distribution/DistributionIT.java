package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tarball's layout, and the quickstart a new user starts with no arguments. */
class DistributionIT {

    @Test
    void tarballHoldsOneFolderWithLauncherLibrariesBundlesAndConf(@TempDir Path tmp) throws Exception {
        Path tarball = Path.of(System.getProperty("paprika.tarball"));
        assertTrue(Files.isRegularFile(tarball), "missing " + tarball);
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", tmp.toString()).inheritIO().start();
        assertEquals(0, tar.waitFor());
        List<Path> top;
        try (var s = Files.list(tmp)) {
            top = s.toList();
        }
        assertEquals(1, top.size(), "one top folder: " + top);
        Path root = top.get(0);
        assertEquals("spiced-" + System.getProperty("paprika.version"), root.getFileName().toString());
        assertTrue(Files.isExecutable(root.resolve("bin/spiced")), "bin/spiced is executable");
        assertTrue(Files.isRegularFile(root.resolve("conf/spicepod.yaml")));
        assertTrue(Files.isRegularFile(root.resolve("conf/logback.xml")));
        // DuckDB's native libraries lie unpacked beside its jar, which no longer carries them.
        assertEquals(Set.of("org.apache.felix.scr.jar", "org.apache.felix.fileinstall.jar", "duckdb_jdbc.jar",
                "paprika-duckdb-arrow-fragment.jar", "libduckdb_java.so_linux_amd64", "libduckdb_java.so_linux_arm64",
                "libduckdb_java.so_macos_arm64", "libduckdb_java.so_windows_amd64"), names(root.resolve("system")));
        try (ZipFile duckdb = new ZipFile(root.resolve("system/duckdb_jdbc.jar").toFile())) {
            assertTrue(duckdb.stream().noneMatch(e -> e.getName().startsWith("libduckdb_java")),
                    "duckdb_jdbc.jar still carries a native library");
            assertTrue(duckdb.getEntry("org/duckdb/DuckDBNative.class") != null, "duckdb_jdbc.jar lost its classes");
        }
        assertFalse(Files.exists(root.resolve("var")), "a test run's class data archives were packed");
        assertEquals(Set.of("paprika-connector-http.jar", "paprika-connector-file.jar", "paprika-accel-memory.jar",
                "paprika-accel-duckdb.jar"), names(root.resolve("plugins")));
        Set<String> lib = names(root.resolve("lib"));
        assertTrue(lib.stream().anyMatch(n -> n.startsWith("paprika-kernel-")), "kernel jar in lib/: " + lib);
        assertTrue(lib.stream().noneMatch(n -> n.startsWith("duckdb") || n.startsWith("paprika-accel")),
                "bundles are not on the kernel classpath: " + lib);
    }

    @Test
    void quickstartStartsWithNoArgumentsAndAnswersSql(@TempDir Path cwd) throws Exception {
        try (Spiced spiced = Spiced.start(cwd, null, Map.of())) {
            spiced.awaitReady(Duration.ofSeconds(60));
            HttpResponse<String> r = spiced.sql("SELECT count(*) AS n FROM products");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("[{\"n\":20}]", r.body());
            HttpResponse<String> orders = spiced.sql("SELECT count(*) AS n FROM orders");
            assertEquals("[{\"n\":100}]", orders.body());
            spiced.awaitOutput("Loaded 20 rows");
            spiced.awaitOutput("for dataset products in");
            assertEquals("ok", spiced.get("/health").body());
        }
    }

    private static Set<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }
}

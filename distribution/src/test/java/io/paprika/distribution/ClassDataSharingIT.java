package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/spiced's class data archive: the first run that stops cleanly writes it, the next maps it.
 * The second run is given the archive and {@code -Xshare:on}, under which the JVM refuses to start
 * at all if it cannot map it, so a stale or broken archive fails here.
 */
class ClassDataSharingIT {

    @Test
    void theFirstCleanStopWritesAnArchiveTheNextStartMaps(@TempDir Path dir) throws Exception {
        Path archives = dir.resolve("cds");
        Path work = Files.createDirectories(dir.resolve("work"));
        Map<String, String> env = Map.of("SPICED_CDS_DIR", archives.toString());
        Path stderr = dir.resolve("stderr.txt");
        try (Spiced first = Spiced.startWithStderrTo(stderr, work, env, "--log-format", "json")) {
            first.awaitReady(Duration.ofSeconds(60));
            first.process().toHandle().destroy(); // SIGTERM, a clean stop
            assertEquals(0, first.awaitExit(Duration.ofSeconds(60)), first.output());
            assertTrue(first.output().contains("Wrote class data archive"), first.output());
            // The JVM's own notes (on each class it cannot archive, on the file it wrote) stay out of
            // the log on stdout, JSON here: every line of it still parses as a log record.
            for (String line : first.output().split("\n")) {
                assertTrue(line.startsWith("{\"") && line.endsWith("}"), line);
            }
        }
        List<String> written = names(archives);
        assertEquals(1, written.size(), "one archive and no partial file: " + written);
        assertTrue(written.get(0).matches("spiced-\\d+\\.jsa"), written.toString());

        try (Spiced second = Spiced.start(work, null, Map.of("SPICED_CDS_DIR", archives.toString(),
                "JAVA_OPTS", "-Xshare:on"))) {
            second.awaitReady(Duration.ofSeconds(60));
            String command = Files.readString(Path.of("/proc", String.valueOf(second.process().pid()), "cmdline"))
                    .replace('\0', ' ');
            assertTrue(command.contains("-XX:SharedArchiveFile=" + archives.resolve(written.get(0))), command);
            assertEquals("[{\"n\":20}]", second.sql("SELECT count(*) AS n FROM products").body());
        }
        assertEquals(written, names(archives), "a run that mapped the archive leaves it as it was");
    }

    @Test
    void offByEnvironmentWritesNothing(@TempDir Path dir) throws Exception {
        Path archives = dir.resolve("cds");
        Path work = Files.createDirectories(dir.resolve("work"));
        try (Spiced spiced = Spiced.start(work, null, Map.of("SPICED_CDS_DIR", archives.toString(),
                "SPICED_CDS", "off"))) {
            spiced.awaitReady(Duration.ofSeconds(60));
            spiced.process().toHandle().destroy();
            assertEquals(0, spiced.awaitExit(Duration.ofSeconds(60)), spiced.output());
        }
        assertFalse(Files.exists(archives), "SPICED_CDS=off still made " + archives);
    }

    private static List<String> names(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

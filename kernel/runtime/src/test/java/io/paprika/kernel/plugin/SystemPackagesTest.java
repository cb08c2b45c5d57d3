package io.paprika.kernel.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SystemPackagesTest {
    @Test
    void parsesExportPackageWithUsesAndQuotedCommas() {
        Map<String, Set<String>> m = SystemPackages.parseExportPackage(
                "org.slf4j;uses:=\"org.slf4j.event,org.slf4j.spi\";version=\"2.0.17\",org.slf4j.event;version=\"2.0.17\","
                        + "org.slf4j;version=\"1.7.36\"");
        assertEquals(Map.of("org.slf4j", Set.of("2.0.17", "1.7.36"), "org.slf4j.event", Set.of("2.0.17")), m);
    }

    @Test
    void exportsTheSpiVersionItsPackageDeclares() throws Exception {
        // Plugins import the version bnd reads from package-info; the kernel must export that one.
        String info = Files.readString(Path.of("../spi/src/main/java/io/paprika/spi/package-info.java"));
        assertTrue(info.contains("@org.osgi.annotation.versioning.Version(\"" + SystemPackages.SPI_VERSION + "\")"),
                "SystemPackages.SPI_VERSION " + SystemPackages.SPI_VERSION + " differs from " + info);
    }

    @Test
    void exportsSpiArrowAndSlf4jWithVersions() {
        String extra = SystemPackages.fromClassPath();
        assertTrue(extra.contains("io.paprika.spi;version=\"" + SystemPackages.SPI_VERSION + "\""), extra);
        assertTrue(extra.contains("org.apache.arrow.vector;version=\"18.3.0\""), extra);
        assertTrue(extra.contains("org.apache.arrow.c;version=\"18.3.0\""), extra);
        assertTrue(extra.contains("org.slf4j;version=\"2.0.17\""), extra);
        assertTrue(extra.contains("org.osgi.service.component.runtime;version=\"1.5"), extra);
    }
}

package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dockerfile builds from the unpacked tarball, so the tarball must carry it, its .dockerignore and k8s/ (and the load-balancer example). */
class DeployFilesPackagedIT {

    @Test
    void tarballCarriesTheDockerfileAndManifests(@TempDir Path tmp) throws Exception {
        Path tarball = Path.of(System.getProperty("paprika.tarball"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", tmp.toString()).inheritIO().start();
        assertEquals(0, tar.waitFor());
        Path root = tmp.resolve("spiced-" + System.getProperty("paprika.version"));
        for (String file : List.of("Dockerfile", ".dockerignore", "bin/spiced", "lb/haproxy.cfg")) {
            assertEquals(Files.readString(Manifests.DIST.resolve(file)), Files.readString(root.resolve(file)), file);
        }
        try (var shipped = Files.list(root.resolve("k8s")); var source = Files.list(Manifests.K8S)) {
            List<String> names = shipped.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(source.map(p -> p.getFileName().toString()).sorted().toList(), names);
            assertTrue(names.size() >= 8, "all manifests: " + names);
        }
    }
}

package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image recipe, checked without a Docker daemon: it sits at the top of the unpacked tarball and
 * copies it whole, so what it declares must match the launcher and the runtime's ports.
 */
class DockerfileTest {
    static final Path DOCKERFILE = Manifests.DIST.resolve("Dockerfile");
    static DockerfileInstructions docker;

    @BeforeAll
    static void read() throws Exception {
        docker = DockerfileInstructions.read(DOCKERFILE);
    }

    @Test
    void buildsOnAGlibcJre17() {
        String from = docker.last("FROM");
        assertTrue(from.startsWith("eclipse-temurin:17") && from.contains("jre"), "a JRE 17 base image: " + from);
        assertFalse(from.contains("alpine"), "DuckDB's native library needs glibc, not musl: " + from);
    }

    @Test
    void exposesTheRuntimesDefaultPorts() {
        Set<Integer> exposed = docker.all("EXPOSE").stream().flatMap(a -> Arrays.stream(a.split("\\s+")))
                .map(Integer::valueOf).collect(Collectors.toSet());
        assertEquals(Set.of("--http", "--flight", "--metrics", "--open_telemetry").stream()
                .map(SpicedFlags::defaultPort).collect(Collectors.toSet()), exposed);
        assertEquals(Set.of(8090, 50051, 9090, 50052), exposed);
    }

    @Test
    void runsAsANumericNonRootUserFromApp() {
        String user = docker.last("USER").split(":")[0];
        assertTrue(user.matches("[0-9]+") && Integer.parseInt(user) > 0,
                "USER must be a numeric non-root uid (Kubernetes runAsNonRoot checks numbers): " + user);
        assertEquals("/app", docker.last("WORKDIR"), "the spicepod is read from /app");
    }

    @Test
    void healthcheckAsksTheHttpApi() {
        String check = docker.last("HEALTHCHECK");
        assertTrue(check.contains("CMD"), check);
        assertTrue(check.contains("http://127.0.0.1:" + SpicedFlags.defaultPort("--http") + DeploymentManifestsTest.HEALTH),
                "HEALTHCHECK must ask " + DeploymentManifestsTest.HEALTH + " on the HTTP port: " + check);
    }

    @Test
    void launcherIsLinkedWhereTheSpiceGuideRunsItAndItsDefaultCommandParses() throws Exception {
        assertTrue(Files.isRegularFile(Manifests.DIST.resolve("bin/spiced")), "the tarball's launcher");
        String copy = docker.last("COPY");
        assertTrue(copy.endsWith(". /opt/spiced"), "copies the unpacked tarball to /opt/spiced: " + copy);
        assertTrue(docker.all("RUN").stream().anyMatch(r -> r.contains("ln -s /opt/spiced/bin/spiced /usr/local/bin/spiced")),
                "links /usr/local/bin/spiced to the launcher");
        ObjectMapper json = new ObjectMapper();
        List<String> entrypoint = Arrays.asList(json.readValue(docker.last("ENTRYPOINT"), String[].class));
        assertEquals(List.of("/usr/local/bin/spiced"), entrypoint);
        SpicedFlags flags = SpicedFlags.parse(Arrays.asList(json.readValue(docker.last("CMD"), String[].class)));
        assertEquals("0.0.0.0:8090", flags.value("--http"), "reachable from outside the container");
        assertEquals("0.0.0.0:50051", flags.value("--flight"));
    }

    @Test
    void buildContextLeavesTheRecipeAndManifestsOut() throws Exception {
        List<String> ignored = Files.readAllLines(Manifests.DIST.resolve(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertTrue(ignored.containsAll(List.of("Dockerfile", ".dockerignore", "k8s")), ".dockerignore: " + ignored);
    }
}

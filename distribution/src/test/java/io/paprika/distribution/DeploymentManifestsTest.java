package io.paprika.distribution;

import static io.paprika.distribution.Manifests.at;
import static io.paprika.distribution.Manifests.integer;
import static io.paprika.distribution.Manifests.list;
import static io.paprika.distribution.Manifests.map;
import static io.paprika.distribution.Manifests.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.distribution.Manifests.K8sObject;
import io.paprika.kernel.config.ConfigException;
import io.paprika.kernel.config.Durations;
import io.paprika.kernel.config.Spicepod;
import io.paprika.kernel.config.SpicepodParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The k8s/ manifests: complete per kind, consistent with each other, and true to the runtime's flags, ports and paths. */
class DeploymentManifestsTest {
    static final String NAMESPACE = "spice-system";
    /** The paths HttpApi serves (ReadyStateIT and DistributionIT pin them on the running runtime). */
    static final String HEALTH = "/health";
    static final String READY = "/v1/ready";

    static Manifests manifests;
    static Map<String, Object> pod;
    static Map<String, Object> container;
    static SpicedFlags flags;

    @BeforeAll
    static void load() throws Exception {
        manifests = Manifests.load();
        pod = map(manifests.one("Deployment").body(), "spec", "template");
        List<Map<String, Object>> containers = list(pod, "spec", "containers");
        assertEquals(1, containers.size(), "one container per pod");
        container = containers.get(0);
        List<String> command = strings(container.get("command"));
        assertEquals("/usr/local/bin/spiced", command.get(0), "the image's launcher link (see the Dockerfile)");
        flags = SpicedFlags.parse(command.subList(1, command.size()));
    }

    @Test
    void everyObjectHasTheFieldsItsKindNeeds() {
        Map<String, String> apiVersions = Map.of("Namespace", "v1", "ConfigMap", "v1", "Secret", "v1",
                "Deployment", "apps/v1", "Service", "v1", "PodDisruptionBudget", "policy/v1",
                "HorizontalPodAutoscaler", "autoscaling/v2", "NetworkPolicy", "networking.k8s.io/v1");
        for (K8sObject o : manifests.all()) {
            assertEquals(apiVersions.get(o.kind()), o.body().get("apiVersion"), o + ": apiVersion (or an unexpected kind)");
            assertFalse(o.name().isBlank(), o + ": metadata.name");
            if (!o.kind().equals("Namespace")) {
                assertEquals(NAMESPACE, string(o.body(), "metadata", "namespace"), o + ": namespace");
            }
        }
        assertEquals(apiVersions.keySet(), manifests.all().stream().map(K8sObject::kind).collect(Collectors.toSet()),
                "one of each kind the deployment needs");
        assertEquals(NAMESPACE, manifests.one("Namespace").name());
        assertEquals(2, manifests.ofKind("Service").size(), "a Service for HTTP and one for Flight");
    }

    @Test
    void containerListensOnAllInterfacesAtTheRuntimesDefaultPorts() {
        Map<String, Integer> ports = containerPorts();
        Map<String, String> portFlags = Map.of("http", "--http", "flight", "--flight", "metrics", "--metrics",
                "otlp", "--open_telemetry");
        assertEquals(portFlags.keySet(), ports.keySet(), "named container ports");
        portFlags.forEach((name, flag) -> {
            assertEquals("0.0.0.0:" + SpicedFlags.defaultPort(flag), flags.value(flag), flag + " in the command");
            assertEquals(SpicedFlags.defaultPort(flag), ports.get(name), "containerPort " + name);
        });
        assertEquals(8090, ports.get("http"));
        assertEquals(50051, ports.get("flight"));
        assertEquals(9090, ports.get("metrics"));
        assertEquals("/app", string(container, "workingDir"), "the spicepod is read from the working directory");
    }

    @Test
    void probesUseTheRuntimesHealthAndReadyEndpoints() {
        assertProbe("startupProbe", HEALTH);
        assertProbe("livenessProbe", HEALTH);
        assertProbe("readinessProbe", READY);
    }

    @Test
    void gracePeriodCoversPreStopAndTheRuntimesShutdownGrace() {
        List<String> preStop = strings(at(container, "lifecycle", "preStop", "exec", "command"));
        assertEquals("sleep", preStop.get(0));
        long sleep = Long.parseLong(preStop.get(1));
        long grace = Durations.parse(flags.value("--shutdown-grace-period")).orElseThrow().toSeconds();
        int termination = integer(pod, "spec", "terminationGracePeriodSeconds");
        assertTrue(termination >= sleep + grace + 5,
                "terminationGracePeriodSeconds " + termination + " must exceed preStop " + sleep + "s + --shutdown-grace-period "
                        + grace + "s with a margin, or Kubernetes kills queries the runtime would have finished");
        assertTrue(termination <= sleep + grace + 30, "terminationGracePeriodSeconds " + termination + " is far above the shutdown it covers");
    }

    @Test
    void memoryIsSizedForHeapPlusDirectMemory() {
        String limit = string(container, "resources", "limits", "memory");
        assertEquals(limit, string(container, "resources", "requests", "memory"), "request = limit: the JVM sizes from the limit");
        string(container, "resources", "requests", "cpu");
        Map<String, String> env = list(container, "env").stream()
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> String.valueOf(e.get("value"))));
        int heap = Integer.parseInt(env.get("SPICED_HEAP_PERCENT"));
        int direct = Integer.parseInt(env.get("SPICED_DIRECT_PERCENT"));
        assertTrue(heap + direct <= 80, "heap " + heap + "% + direct " + direct + "% must leave room for native memory");
    }

    @Test
    void spicepodChecksumAnnotationMatchesTheConfigMap() throws Exception {
        String spicepod = string(manifests.one("ConfigMap").body(), "data", "spicepod.yaml");
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(spicepod.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, string(pod, "metadata", "annotations", "checksum/spicepod"),
                "the Deployment's checksum/spicepod annotation must be the spicepod's sha256, so editing it rolls the pods");
        List<Map<String, Object>> mounts = list(container, "volumeMounts");
        Map<String, Object> mount = mounts.stream().filter(m -> "/app/spicepod.yaml".equals(m.get("mountPath")))
                .findFirst().orElseThrow(() -> new AssertionError("no volumeMount at /app/spicepod.yaml"));
        Map<String, Object> volume = list(pod, "spec", "volumes").stream().filter(v -> v.get("name").equals(mount.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no volume " + mount.get("name")));
        assertEquals(manifests.one("ConfigMap").name(), string(volume, "configMap", "name"));
    }

    @Test
    void spicepodParsesWithTheSecretsTheSecretProvides(@TempDir Path dir) throws Exception {
        Map<String, Object> secret = manifests.one("Secret").body();
        Map<String, String> env = map(secret, "stringData").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
        env.keySet().forEach(k -> assertTrue(k.startsWith("SPICE_"), "secret keys are SPICE_* env: " + k));
        String secretName = manifests.one("Secret").name();
        assertTrue(list(container, "envFrom").stream().anyMatch(e -> e.get("secretRef") instanceof Map<?, ?> ref
                && secretName.equals(ref.get("name"))), "the container takes the Secret as environment");
        Path file = dir.resolve("spicepod.yaml");
        Files.writeString(file, string(manifests.one("ConfigMap").body(), "data", "spicepod.yaml"));
        Spicepod spicepod;
        try {
            spicepod = new SpicepodParser(env, Set.of()).parse(file);
        } catch (ConfigException e) {
            throw new AssertionError("the ConfigMap's spicepod is rejected: " + e.getMessage(), e);
        }
        assertFalse(spicepod.datasets().isEmpty());
    }

    @Test
    void servicesRouteHttpAndFlightToTheContainer() {
        Map<String, Object> podLabels = map(pod, "metadata", "labels");
        Map<String, Integer> ports = containerPorts();
        Map<Integer, String> protocols = manifests.ofKind("Service").stream()
                .flatMap(s -> {
                    assertTrue(podLabels.entrySet().containsAll(map(s.body(), "spec", "selector").entrySet()), s + ": selector");
                    return list(s.body(), "spec", "ports").stream();
                })
                .peek(p -> assertEquals(ports.get((String) p.get("targetPort")), p.get("port"), "Service port " + p))
                .collect(Collectors.toMap(p -> (Integer) p.get("port"), p -> (String) p.get("appProtocol")));
        assertEquals(Map.of(ports.get("http"), "http", ports.get("flight"), "grpc"), protocols);
    }

    @Test
    void replicasSpreadAndSurviveDisruption() {
        Map<String, Object> deployment = manifests.one("Deployment").body();
        int replicas = integer(deployment, "spec", "replicas");
        assertEquals(3, replicas);
        Map<String, Object> podLabels = map(pod, "metadata", "labels");
        assertTrue(podLabels.entrySet().containsAll(map(deployment, "spec", "selector", "matchLabels").entrySet()));
        assertEquals(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"),
                list(pod, "spec", "topologySpreadConstraints").stream().map(c -> c.get("topologyKey")).collect(Collectors.toSet()));
        assertFalse(list(pod, "spec", "affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution").isEmpty());
        Map<String, Object> pdb = manifests.one("PodDisruptionBudget").body();
        assertEquals(podLabels.get("app.kubernetes.io/name"), string(pdb, "spec", "selector", "matchLabels", "app.kubernetes.io/name"));
        int minAvailable = integer(pdb, "spec", "minAvailable");
        assertTrue(minAvailable > 0 && minAvailable < replicas, "PDB minAvailable " + minAvailable + " must allow one eviction");
        assertEquals(true, map(pod, "spec", "securityContext").get("runAsNonRoot"));
    }

    @Test
    void autoscalerTargetsTheDeploymentOnCpuAndMemory() {
        Map<String, Object> hpa = manifests.one("HorizontalPodAutoscaler").body();
        assertEquals("Deployment", string(hpa, "spec", "scaleTargetRef", "kind"));
        assertEquals(manifests.one("Deployment").name(), string(hpa, "spec", "scaleTargetRef", "name"));
        assertEquals(Set.of("cpu", "memory"), list(hpa, "spec", "metrics").stream()
                .map(m -> string(m, "resource", "name")).collect(Collectors.toSet()));
        assertTrue(integer(hpa, "spec", "minReplicas") >= 2, "at least two replicas for availability");
        assertTrue(integer(hpa, "spec", "maxReplicas") > integer(hpa, "spec", "minReplicas"));
    }

    @Test
    void prometheusScrapesTheMetricsPort() {
        Map<String, Object> annotations = map(pod, "metadata", "annotations");
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals(String.valueOf(flags.port("--metrics")), annotations.get("prometheus.io/port"));
        assertEquals("/metrics", annotations.get("prometheus.io/path"));
    }

    @Test
    void networkPolicyAdmitsOnlyNamedNamespacesToTheRuntimesPorts() {
        Map<String, Object> policy = manifests.one("NetworkPolicy").body();
        assertEquals(map(pod, "metadata", "labels").get("app.kubernetes.io/name"),
                string(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"));
        assertEquals(List.of("Ingress"), at(policy, "spec", "policyTypes"));
        Set<Integer> containerPorts = Set.copyOf(containerPorts().values());
        for (Map<String, Object> rule : list(policy, "spec", "ingress")) {
            for (Map<String, Object> from : list(rule, "from")) {
                assertEquals(Set.of("namespaceSelector"), from.keySet(), "ingress only from namespaces: " + rule);
                string(from, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
            }
            for (Map<String, Object> port : list(rule, "ports")) {
                assertTrue(containerPorts.contains((Integer) port.get("port")), "not a runtime port: " + port);
            }
        }
    }

    private static void assertProbe(String probe, String path) {
        assertEquals(path, string(container, probe, "httpGet", "path"), probe + " path");
        assertEquals(SpicedFlags.defaultPort("--http"), containerPorts().get(string(container, probe, "httpGet", "port")),
                probe + " port must be the HTTP API's");
    }

    private static Map<String, Integer> containerPorts() {
        return list(container, "ports").stream()
                .collect(Collectors.toMap(p -> (String) p.get("name"), p -> (Integer) p.get("containerPort")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        assertTrue(value instanceof List<?> l && l.stream().allMatch(String.class::isInstance), "a list of strings: " + value);
        return (List<String>) value;
    }
}

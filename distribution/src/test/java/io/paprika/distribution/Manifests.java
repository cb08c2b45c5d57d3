package io.paprika.distribution;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Every Kubernetes object in the distribution's k8s/ folder, parsed with SnakeYAML, and a way to walk them. */
final class Manifests {
    /** Where the files live in the source tree; they are copied verbatim into the tarball. */
    static final Path DIST = Path.of("src/main/dist");
    static final Path K8S = DIST.resolve("k8s");

    /** One object and the file it came from (for messages). */
    record K8sObject(Path file, Map<String, Object> body) {
        K8sObject {
            requireNonNull(file, "file");
            requireNonNull(body, "body");
        }

        String kind() {
            return (String) body.get("kind");
        }

        String name() {
            return string(body, "metadata", "name");
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file.getFileName() + ")";
        }
    }

    private final List<K8sObject> objects;

    private Manifests(List<K8sObject> objects) {
        this.objects = List.copyOf(objects);
    }

    static Manifests load() throws IOException {
        List<K8sObject> objects = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(K8S)) {
            files = s.sorted().toList();
        }
        for (Path file : files) {
            assertEquals(true, file.toString().endsWith(".yaml"), "only .yaml files belong in k8s/: " + file);
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(reader)) {
                    assertInstanceOf(Map.class, doc, file + ": every document is one object");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body = (Map<String, Object>) doc;
                    objects.add(new K8sObject(file, body));
                }
            }
        }
        return new Manifests(objects);
    }

    List<K8sObject> all() {
        return objects;
    }

    List<K8sObject> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.kind())).toList();
    }

    K8sObject one(String kind) {
        List<K8sObject> found = ofKind(kind);
        assertEquals(1, found.size(), "exactly one " + kind + " in " + K8S + ": " + found);
        return found.get(0);
    }

    /** The value at a path of map keys; fails naming the path when something on the way is missing. */
    static Object at(Map<String, Object> root, String... path) {
        Object current = root;
        StringBuilder walked = new StringBuilder();
        for (String key : path) {
            walked.append('.').append(key);
            assertInstanceOf(Map.class, current, "not a mapping above " + walked);
            current = ((Map<?, ?>) current).get(key);
            assertNotNull(current, "missing " + walked);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> root, String... path) {
        return assertInstanceOf(Map.class, at(root, path), String.join(".", path));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> root, String... path) {
        return assertInstanceOf(List.class, at(root, path), String.join(".", path));
    }

    static String string(Map<String, Object> root, String... path) {
        return assertInstanceOf(String.class, at(root, path), String.join(".", path));
    }

    static int integer(Map<String, Object> root, String... path) {
        return assertInstanceOf(Integer.class, at(root, path), String.join(".", path));
    }
}

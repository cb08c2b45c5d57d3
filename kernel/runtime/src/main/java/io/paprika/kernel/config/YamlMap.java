package io.paprika.kernel.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read strictly: every accessor checks the type and every error names the full key
 * path and the line. Strings pass through the secret resolver.
 */
final class YamlMap {
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final SecretResolver secrets;

    YamlMap(Node node, String path, SecretResolver secrets) throws ConfigException {
        this.path = requireNonNull(path, "path");
        this.node = requireNonNull(node, "node");
        this.secrets = requireNonNull(secrets, "secrets");
        if (!(node instanceof MappingNode mapping)) {
            throw ConfigException.at(path, line(node), "expected a mapping of keys to values, found " + kind(node));
        }
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw ConfigException.at(path, line(t.getKeyNode()), "keys must be plain names");
            }
            if (entries.put(key.getValue(), t) != null) {
                throw ConfigException.at(child(key.getValue()), line(key), "is given twice; keep one");
            }
        }
    }

    static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    static String kind(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) n;
        return Tag.NULL.equals(s.getTag()) ? "nothing" : "`" + s.getValue() + "`";
    }

    String path() {
        return path;
    }

    int line() {
        return line(node);
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    int lineOf(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line() : line(t.getKeyNode());
    }

    Set<String> keys() {
        return entries.keySet();
    }

    boolean has(String key) {
        NodeTuple t = entries.get(key);
        return t != null && !(t.getValueNode() instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
    }

    /** Rejects any key not in {@code allowed}, naming it, its line and the keys that are accepted. */
    void allowOnly(Set<String> allowed) throws ConfigException {
        for (String key : entries.keySet()) {
            if (!allowed.contains(key)) {
                throw ConfigException.at(child(key), lineOf(key), "unknown key; accepted keys here: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    Node node(String key) {
        return entries.get(key).getValueNode();
    }

    private ScalarNode scalar(String key) throws ConfigException {
        Node v = node(key);
        if (!(v instanceof ScalarNode s)) {
            throw ConfigException.at(child(key), line(v), "expected a single value, found " + kind(v));
        }
        return s;
    }

    Optional<String> string(String key) throws ConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        return Optional.of(secrets.resolve(scalar(key).getValue(), child(key), lineOf(key)));
    }

    String requiredString(String key) throws ConfigException {
        Optional<String> v = string(key);
        if (v.isEmpty() || v.get().isBlank()) {
            throw ConfigException.at(child(key), has(key) ? lineOf(key) : line(), "is required");
        }
        return v.get();
    }

    Optional<Boolean> bool(String key) throws ConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        ScalarNode s = scalar(key);
        if (!Tag.BOOL.equals(s.getTag())) {
            throw ConfigException.at(child(key), lineOf(key), "expected true or false, found `" + s.getValue() + "`");
        }
        return Optional.of(Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT)));
    }

    Optional<Integer> integer(String key, int min) throws ConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        ScalarNode s = scalar(key);
        try {
            if (!Tag.INT.equals(s.getTag())) {
                throw new NumberFormatException();
            }
            int v = Integer.parseInt(s.getValue());
            if (v < min) {
                throw ConfigException.at(child(key), lineOf(key), "must be at least " + min + ", found " + v);
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            throw ConfigException.at(child(key), lineOf(key), "expected a whole number, found `" + s.getValue() + "`");
        }
    }

    Optional<Duration> duration(String key) throws ConfigException {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> d = Durations.parse(text.get());
        if (d.isEmpty()) {
            throw ConfigException.at(child(key), lineOf(key), "`" + text.get()
                    + "` is not a duration; use a number and a unit, such as 500ms, 30s, 10m, 1h, 90d");
        }
        return d;
    }

    /** A value that must be one of {@code choices}. */
    Optional<String> oneOf(String key, Set<String> choices) throws ConfigException {
        Optional<String> v = string(key);
        if (v.isPresent() && !choices.contains(v.get())) {
            throw ConfigException.at(child(key), lineOf(key), "`" + v.get() + "` is not valid; use one of: "
                    + String.join(", ", new java.util.TreeSet<>(choices)));
        }
        return v;
    }

    Optional<YamlMap> map(String key) throws ConfigException {
        return has(key) ? Optional.of(new YamlMap(node(key), child(key), secrets)) : Optional.empty();
    }

    List<Node> list(String key) throws ConfigException {
        if (!has(key)) {
            return List.of();
        }
        Node v = node(key);
        if (!(v instanceof SequenceNode seq)) {
            throw ConfigException.at(child(key), line(v), "expected a list, found " + kind(v));
        }
        return new ArrayList<>(seq.getValue());
    }

    /** A list of plain values, or a single value taken as a one-element list. */
    List<String> stringList(String key) throws ConfigException {
        if (!has(key)) {
            return List.of();
        }
        if (node(key) instanceof ScalarNode) {
            return List.of(string(key).orElseThrow());
        }
        List<String> out = new ArrayList<>();
        for (Node n : list(key)) {
            if (!(n instanceof ScalarNode s)) {
                throw ConfigException.at(child(key), line(n), "expected a list of plain values, found " + kind(n));
            }
            out.add(secrets.resolve(s.getValue(), child(key), line(n)));
        }
        return out;
    }

    /** A mapping of plain values: {@code params}, {@code on_conflict}, {@code indexes}. */
    ParamValues params(String key) throws ConfigException {
        Optional<YamlMap> m = map(key);
        if (m.isEmpty()) {
            return ParamValues.EMPTY;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secretKeys = new java.util.HashSet<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (String k : m.get().keys()) {
            Node v = m.get().node(k);
            if (!(v instanceof ScalarNode s)) {
                throw ConfigException.at(m.get().child(k), line(v), "expected a single value, found " + kind(v));
            }
            if (SecretResolver.hasReference(s.getValue())) {
                secretKeys.add(k);
            }
            values.put(k, Tag.NULL.equals(s.getTag()) ? "" : m.get().string(k).orElse(""));
            lines.put(k, m.get().lineOf(k));
        }
        return new ParamValues(values, secretKeys, lines);
    }
}

package io.paprika.kernel.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code runtime.auth} strictly: only {@code api-key} is implemented, so nothing else is accepted. */
final class AuthSection {
    static final String API_KEY = "api-key";

    private AuthSection() {
    }

    static ApiKeySpec parse(YamlMap auth) throws ConfigException {
        auth.allowOnly(Set.of(API_KEY));
        Optional<YamlMap> section = auth.map(API_KEY);
        if (section.isEmpty()) {
            return ApiKeySpec.disabled();
        }
        YamlMap m = section.get();
        m.allowOnly(Set.of("enabled", "keys"));
        boolean enabled = m.bool("enabled").orElse(true);
        List<Node> nodes = m.list("keys");
        // stringList resolves ${secrets:...} in the same order as the nodes, which carry the lines.
        List<String> values = m.stringList("keys");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isBlank()) {
                throw ConfigException.at(m.child("keys") + "[" + i + "]", YamlMap.line(nodes.get(i)),
                        "is empty (after resolving secrets); set the secret it names or remove the key");
            }
            keys.add(values.get(i));
        }
        if (enabled && keys.isEmpty()) {
            throw ConfigException.at(m.child("keys"), m.lineOf("keys"),
                    "needs at least one key when API-key authentication is enabled; add keys or set `enabled: false`");
        }
        return enabled ? new ApiKeySpec(true, keys) : ApiKeySpec.disabled();
    }
}

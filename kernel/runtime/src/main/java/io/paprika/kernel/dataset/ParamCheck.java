package io.paprika.kernel.dataset;

import io.paprika.kernel.config.ParamValues;
import io.paprika.spi.ParamSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Checks a {@code params} block against the params a plugin declares, and fills in defaults. */
final class ParamCheck {
    private ParamCheck() {
    }

    /** An error naming the first unknown param, or empty when every param is declared. */
    static Optional<String> unknown(ParamValues given, List<ParamSpec> declared, String keyPath, String plugin) {
        TreeSet<String> names = new TreeSet<>();
        declared.forEach(p -> names.add(p.name()));
        for (String key : given.values().keySet()) {
            if (!names.contains(key)) {
                int line = given.line(key);
                return Optional.of("`" + keyPath + "." + key + "`" + (line > 0 ? " (line " + line + ")" : "")
                        + ": unknown param for " + plugin + "; accepted params: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)));
            }
        }
        return Optional.empty();
    }

    /** The given values plus the declared defaults of params not given. */
    static Map<String, String> withDefaults(ParamValues given, List<ParamSpec> declared) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ParamSpec p : declared) {
            p.defaultValue().ifPresent(v -> out.put(p.name(), v));
        }
        out.putAll(given.values());
        return out;
    }
}

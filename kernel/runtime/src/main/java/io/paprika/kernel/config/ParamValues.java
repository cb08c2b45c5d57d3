package io.paprika.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@code params} block after secret resolution: the values, which keys held a secret (so they
 * are masked wherever shown), and the line of each key (for errors about unknown params).
 */
public record ParamValues(Map<String, String> values, Set<String> secretKeys, Map<String, Integer> lines) {

    public static final ParamValues EMPTY = new ParamValues(Map.of(), Set.of(), Map.of());

    public ParamValues {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values")));
        secretKeys = Set.copyOf(requireNonNull(secretKeys, "secretKeys"));
        lines = Map.copyOf(requireNonNull(lines, "lines"));
    }

    public int line(String key) {
        return lines.getOrDefault(key, 0);
    }
}

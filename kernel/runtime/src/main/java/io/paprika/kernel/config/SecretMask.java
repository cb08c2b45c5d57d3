package io.paprika.kernel.config;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Masks resolved secret values wherever text leaves the runtime: log lines and API answers. A
 * safety net under the rule that code never prints a secret.
 */
public final class SecretMask {
    public static final String MASK = "********";
    /** Shorter values would mask ordinary text; they are still never printed on purpose. */
    private static final int MIN_LENGTH = 4;
    private static final List<String> VALUES = new CopyOnWriteArrayList<>();

    private SecretMask() {
    }

    public static void register(Set<String> secrets) {
        for (String s : secrets) {
            if (s.length() >= MIN_LENGTH && !VALUES.contains(s)) {
                VALUES.add(s);
            }
        }
        // Longest first, so a secret containing another is masked whole.
        VALUES.sort(Comparator.comparingInt(String::length).reversed());
    }

    /** Masks the given values only (used before the spicepod is fully read). */
    public static String mask(String text, Set<String> values) {
        String out = text;
        for (String v : values.stream().filter(v -> v.length() >= MIN_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            out = out.replace(v, MASK);
        }
        return out;
    }

    public static String mask(String text) {
        if (text == null || VALUES.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : VALUES) {
            out = out.replace(v, MASK);
        }
        return out;
    }
}

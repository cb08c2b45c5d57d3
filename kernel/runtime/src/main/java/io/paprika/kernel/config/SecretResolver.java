package io.paprika.kernel.config;

import static java.util.Objects.requireNonNull;

import io.github.cdimascio.dotenv.Dotenv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${secrets:KEY}} and {@code ${env:KEY}} in spicepod strings. The default secret
 * store looks in the environment ({@code SPICE_KEY} before {@code KEY}), then in {@code .env.local}
 * and {@code .env} beside the spicepod. Every resolved value is remembered so output can be
 * scrubbed of it.
 */
public final class SecretResolver {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{\\s*(secrets|env)\\s*:\\s*([A-Za-z0-9_.\\-]+)\\s*}");

    private final Map<String, String> environment;
    private final Optional<Dotenv> envLocal;
    private final Optional<Dotenv> envFile;
    private final Set<String> resolvedValues = new HashSet<>();

    public SecretResolver(Map<String, String> environment, Path spicepodDir) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment"));
        this.envLocal = dotenv(spicepodDir, ".env.local");
        this.envFile = dotenv(spicepodDir, ".env");
    }

    private static Optional<Dotenv> dotenv(Path dir, String name) {
        if (!Files.isRegularFile(dir.resolve(name))) {
            return Optional.empty();
        }
        // Only the file's own entries: the environment is consulted separately, first.
        return Optional.of(Dotenv.configure().directory(dir.toString()).filename(name).load());
    }

    /** True when the text holds a secret reference. */
    public static boolean hasReference(String text) {
        return REFERENCE.matcher(text).find();
    }

    /**
     * Returns the text with every reference replaced.
     *
     * @throws ConfigException naming the key path, the line and the missing secret's key
     */
    public String resolve(String text, String keyPath, int line) throws ConfigException {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(2);
            Optional<String> value = lookup(key);
            if (value.isEmpty()) {
                throw ConfigException.at(keyPath, line, "secret `" + key + "` is not set (set the environment variable SPICE_"
                        + key + " or " + key + ", or add it to .env.local or .env beside the spicepod)");
            }
            resolvedValues.add(value.get());
            m.appendReplacement(out, Matcher.quoteReplacement(value.get()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Optional<String> lookup(String key) {
        for (String candidate : new String[] {"SPICE_" + key, key, "SPICE_" + key.toUpperCase(java.util.Locale.ROOT),
                key.toUpperCase(java.util.Locale.ROOT)}) {
            String v = environment.get(candidate);
            if (v != null) {
                return Optional.of(v);
            }
        }
        for (Optional<Dotenv> file : java.util.List.of(envLocal, envFile)) {
            if (file.isPresent()) {
                for (String candidate : new String[] {"SPICE_" + key, key}) {
                    String v = file.get().entries(Dotenv.Filter.DECLARED_IN_ENV_FILE).stream()
                            .filter(e -> e.getKey().equals(candidate)).map(e -> e.getValue()).findFirst().orElse(null);
                    if (v != null) {
                        return Optional.of(v);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Every value resolved so far. */
    public Set<String> resolvedValues() {
        return Set.copyOf(resolvedValues);
    }
}

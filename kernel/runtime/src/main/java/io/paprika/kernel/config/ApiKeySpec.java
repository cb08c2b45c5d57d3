package io.paprika.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code runtime.auth.api-key}: the keys a client must present on HTTP ({@code X-API-Key}) and
 * Flight ({@code Authorization: Bearer}). The keys are secrets; {@link #toString()} never shows them.
 *
 * @param enabled whether requests need a key at all
 * @param keys    the accepted keys, resolved and non-empty; empty when not enabled
 */
public record ApiKeySpec(boolean enabled, List<String> keys) {

    public ApiKeySpec {
        keys = List.copyOf(requireNonNull(keys, "keys"));
        if (enabled && keys.isEmpty()) {
            throw new IllegalArgumentException("API-key authentication needs at least one key");
        }
    }

    /** No {@code runtime.auth} section: every request is served. */
    public static ApiKeySpec disabled() {
        return new ApiKeySpec(false, List.of());
    }

    @Override
    public String toString() {
        return "ApiKeySpec[enabled=" + enabled + ", keys=" + keys.size() + " key(s)]";
    }
}

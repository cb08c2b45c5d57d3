package io.paprika.kernel.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The API keys a client may present. A candidate is compared with every key in constant time, with
 * no early exit, so response timing tells an attacker neither which key nor how much of one matched.
 */
public final class ApiKeys {
    private final List<byte[]> digests = new ArrayList<>();

    public ApiKeys(List<String> keys) {
        requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is needed");
        }
        for (String key : keys) {
            if (requireNonNull(key, "key").isEmpty()) {
                throw new IllegalArgumentException("API keys must not be empty");
            }
            digests.add(sha256(key));
        }
    }

    /**
     * Whether {@code candidate} is one of the keys. Both sides are hashed first so the comparison
     * runs over equal lengths whatever the candidate's length.
     */
    public boolean matches(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return false;
        }
        byte[] c = sha256(candidate);
        boolean found = false;
        for (byte[] d : digests) {
            found |= MessageDigest.isEqual(d, c);
        }
        return found;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

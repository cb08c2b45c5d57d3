package io.paprika.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthTlsSectionTest {
    private static final String HEAD = "version: v1\nkind: Spicepod\nname: p\n";

    @TempDir
    Path dir;

    private Spicepod parse(String runtime, Map<String, String> env) throws Exception {
        Path f = dir.resolve("spicepod.yaml");
        Files.writeString(f, HEAD + runtime);
        return new SpicepodParser(env, Set.of()).parse(f);
    }

    private String error(String runtime, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> parse(runtime, env)).getMessage();
    }

    @Test
    void defaultsAreOff() throws Exception {
        Spicepod p = parse("", Map.of());
        assertEquals(ApiKeySpec.disabled(), p.apiKey());
        assertFalse(p.apiKey().enabled());
        assertEquals(TlsSpec.disabled(), p.tls());
        assertFalse(p.tls().enabled());
    }

    @Test
    void readsKeysFromSecretsAndLiterals() throws Exception {
        Spicepod p = parse("""
                runtime:
                  auth:
                    api-key:
                      enabled: true
                      keys: ["${secrets:api_key}", literal-key-2]
                """, Map.of("SPICE_api_key", "from-env-1"));
        assertTrue(p.apiKey().enabled());
        assertEquals(List.of("from-env-1", "literal-key-2"), p.apiKey().keys());
        assertFalse(p.apiKey().toString().contains("from-env-1"), "keys never show in toString");
        assertTrue(p.secretValues().contains("from-env-1"));
    }

    @Test
    void disabledKeepsNoKeys() throws Exception {
        Spicepod p = parse("runtime:\n  auth:\n    api-key:\n      enabled: false\n      keys: [abcd]\n", Map.of());
        assertFalse(p.apiKey().enabled());
        assertEquals(List.of(), p.apiKey().keys());
    }

    @Test
    void emptyKeyNamesPathAndLine() {
        String e = error("""
                runtime:
                  auth:
                    api-key:
                      keys:
                        - good-key
                        - ${secrets:api_key}
                """, Map.of("API_KEY", ""));
        assertTrue(e.contains("`runtime.auth.api-key.keys[1]` (line 9)"), e);
        assertTrue(e.contains("is empty"), e);
        String noKeys = error("runtime:\n  auth:\n    api-key:\n      enabled: true\n", Map.of());
        assertTrue(noKeys.contains("`runtime.auth.api-key.keys`") && noKeys.contains("at least one key"), noKeys);
        String blank = error("runtime:\n  auth:\n    api-key:\n      keys: ['']\n", Map.of());
        assertTrue(blank.contains("`runtime.auth.api-key.keys[0]` (line 7)"), blank);
    }

    @Test
    void unknownAndMistypedKeysAreErrors() {
        assertTrue(error("runtime:\n  auth:\n    basic: {}\n", Map.of()).contains("`runtime.auth.basic`"));
        assertTrue(error("runtime:\n  auth:\n    api-key:\n      key: [a]\n", Map.of())
                .contains("`runtime.auth.api-key.key`"));
        assertTrue(error("runtime:\n  auth:\n    api-key:\n      keys: abcd\n", Map.of()).contains("expected a list"));
        assertTrue(error("runtime:\n  tls:\n    certificate: x\n", Map.of()).contains("`runtime.tls.certificate`"));
    }

    @Test
    void readsTls() throws Exception {
        TlsSpec t = parse("runtime:\n  tls:\n    enabled: true\n    certificate_file: c.pem\n    key_file: k.pem\n",
                Map.of()).tls();
        assertEquals(new TlsSpec(true, Optional.of("c.pem"), Optional.of("k.pem")), t);
        assertTrue(parse("runtime:\n  tls:\n    certificate_file: c.pem\n    key_file: k.pem\n", Map.of()).tls().enabled());
        assertFalse(parse("runtime:\n  tls:\n    enabled: false\n", Map.of()).tls().enabled());
        String e = error("runtime:\n  tls:\n    enabled: true\n    certificate_file: c.pem\n", Map.of());
        assertTrue(e.contains("`runtime.tls.key_file`") && e.contains("is required"), e);
    }
}

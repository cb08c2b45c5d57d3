package io.paprika.kernel.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.kernel.config.ConfigException;
import io.paprika.kernel.config.TlsSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {
    private static final Path POD = Path.of("/pods/a");
    private static final TlsSpec SPEC = new TlsSpec(true, Optional.of("certs/c.pem"), Optional.of("certs/k.pem"));

    @TempDir
    Path dir;

    private static TlsFlags flags(Boolean enabled, String cert, String key) {
        return new TlsFlags(Optional.ofNullable(enabled), Optional.ofNullable(cert).map(Path::of),
                Optional.ofNullable(key).map(Path::of));
    }

    @Test
    void offUnlessAsked() throws Exception {
        assertEquals(Optional.empty(), TlsSettings.resolve(TlsFlags.none(), TlsSpec.disabled(), POD));
        assertEquals(Optional.empty(), TlsSettings.resolve(flags(false, "/c.pem", "/k.pem"), SPEC, POD),
                "--tls-enabled false wins over flags and the spicepod");
    }

    @Test
    void spicepodPathsAreRelativeToItsFolder() throws Exception {
        TlsFiles f = TlsSettings.resolve(TlsFlags.none(), SPEC, POD).orElseThrow();
        assertEquals(Path.of("/pods/a/certs/c.pem"), f.certificateFile());
        assertEquals("runtime.tls.certificate_file", f.certificateSource());
        assertEquals(Path.of("/pods/a/certs/k.pem"), f.keyFile());
    }

    @Test
    void flagsWin() throws Exception {
        TlsFiles f = TlsSettings.resolve(flags(null, "/x/c.pem", null), SPEC, POD).orElseThrow();
        assertEquals(Path.of("/x/c.pem"), f.certificateFile());
        assertEquals("--tls-certificate-file", f.certificateSource());
        assertEquals(Path.of("/pods/a/certs/k.pem"), f.keyFile());
        assertEquals("runtime.tls.key_file", f.keySource());
        // --tls-enabled true turns on a spicepod that said enabled: false
        TlsSpec off = new TlsSpec(false, Optional.of("c.pem"), Optional.of("k.pem"));
        assertTrue(TlsSettings.resolve(flags(true, null, null), off, POD).isPresent());
    }

    @Test
    void aMissingFileSettingIsNamed() {
        String e = assertThrows(ConfigException.class,
                () -> TlsSettings.resolve(flags(null, "/c.pem", null), TlsSpec.disabled(), POD)).getMessage();
        assertTrue(e.contains("--tls-key-file") && e.contains("runtime.tls.key_file"), e);
    }

    @Test
    void unreadableFilesAreNamed() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        String missing = assertThrows(ConfigException.class,
                () -> PemCredentials.load(new TlsFiles(cert, "--tls-certificate-file", key, "--tls-key-file")))
                .getMessage();
        assertTrue(missing.contains(cert.toString()) && missing.contains("--tls-certificate-file"), missing);
        Files.writeString(cert, "not a certificate");
        Files.writeString(key, "not a key");
        String bad = assertThrows(ConfigException.class,
                () -> PemCredentials.load(new TlsFiles(cert, "--tls-certificate-file", key, "--tls-key-file")))
                .getMessage();
        assertTrue(bad.contains(cert.toString()) && bad.contains("cannot be used"), bad);
    }
}

package io.paprika.kernel.tls;

import io.paprika.kernel.config.ConfigException;
import io.paprika.kernel.config.TlsSpec;
import java.nio.file.Path;
import java.util.Optional;

/** Combines the TLS flags with {@code runtime.tls}: flags win, and {@code --tls-enabled false} wins over everything. */
public final class TlsSettings {
    static final String CERT_FLAG = "--tls-certificate-file";
    static final String KEY_FLAG = "--tls-key-file";
    static final String CERT_KEY = "runtime.tls.certificate_file";
    static final String KEY_KEY = "runtime.tls.key_file";

    private TlsSettings() {
    }

    /**
     * @param spicepodDir folder that relative paths in the spicepod are resolved against (flag paths
     *                    are relative to the working directory)
     * @return the files to serve TLS with, or empty for plain HTTP and gRPC
     * @throws ConfigException when TLS is on but a file is not named
     */
    public static Optional<TlsFiles> resolve(TlsFlags flags, TlsSpec spec, Path spicepodDir) throws ConfigException {
        if (flags.enabled().equals(Optional.of(false))) {
            return Optional.empty();
        }
        boolean flagFiles = flags.certificateFile().isPresent() || flags.keyFile().isPresent();
        boolean enabled = flags.enabled().orElse(flagFiles || spec.enabled());
        if (!enabled) {
            return Optional.empty();
        }
        Path cert = flags.certificateFile().map(Path::toAbsolutePath)
                .or(() -> spec.certificateFile().map(f -> spicepodDir.resolve(f).toAbsolutePath()))
                .orElseThrow(() -> missing(CERT_FLAG, CERT_KEY, "certificate chain"));
        Path key = flags.keyFile().map(Path::toAbsolutePath)
                .or(() -> spec.keyFile().map(f -> spicepodDir.resolve(f).toAbsolutePath()))
                .orElseThrow(() -> missing(KEY_FLAG, KEY_KEY, "private key"));
        return Optional.of(new TlsFiles(cert.normalize(), flags.certificateFile().isPresent() ? CERT_FLAG : CERT_KEY,
                key.normalize(), flags.keyFile().isPresent() ? KEY_FLAG : KEY_KEY));
    }

    private static ConfigException missing(String flag, String key, String what) {
        return new ConfigException("TLS is enabled but no " + what + " is given: pass " + flag
                + " <file.pem> or set " + key + " in the spicepod (or turn TLS off with --tls-enabled false)");
    }
}

package io.paprika.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * {@code runtime.tls}: PEM files for HTTPS and Flight over TLS. Command-line flags override it.
 *
 * @param enabled         whether the spicepod asks for TLS
 * @param certificateFile the PEM certificate chain, as written (relative to the spicepod's folder)
 * @param keyFile         the PEM private key, as written (relative to the spicepod's folder)
 */
public record TlsSpec(boolean enabled, Optional<String> certificateFile, Optional<String> keyFile) {

    public TlsSpec {
        requireNonNull(certificateFile, "certificateFile");
        requireNonNull(keyFile, "keyFile");
    }

    /** No {@code runtime.tls} section. */
    public static TlsSpec disabled() {
        return new TlsSpec(false, Optional.empty(), Optional.empty());
    }
}

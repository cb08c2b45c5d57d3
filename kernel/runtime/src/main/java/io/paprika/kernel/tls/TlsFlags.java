package io.paprika.kernel.tls;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The TLS command-line flags, each empty when not given.
 *
 * @param enabled         {@code --tls-enabled}; {@code false} turns TLS off whatever the spicepod says
 * @param certificateFile {@code --tls-certificate-file}
 * @param keyFile         {@code --tls-key-file}
 */
public record TlsFlags(Optional<Boolean> enabled, Optional<Path> certificateFile, Optional<Path> keyFile) {

    public TlsFlags {
        requireNonNull(enabled, "enabled");
        requireNonNull(certificateFile, "certificateFile");
        requireNonNull(keyFile, "keyFile");
    }

    public static TlsFlags none() {
        return new TlsFlags(Optional.empty(), Optional.empty(), Optional.empty());
    }
}

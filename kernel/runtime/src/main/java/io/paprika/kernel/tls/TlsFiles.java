package io.paprika.kernel.tls;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The PEM files TLS is served with, and where each was configured, so an error can say which
 * setting to fix.
 *
 * @param certificateFile       the certificate chain (absolute)
 * @param certificateSource     {@code --tls-certificate-file} or {@code runtime.tls.certificate_file}
 * @param keyFile               the private key (absolute)
 * @param keySource             {@code --tls-key-file} or {@code runtime.tls.key_file}
 */
public record TlsFiles(Path certificateFile, String certificateSource, Path keyFile, String keySource) {

    public TlsFiles {
        requireNonNull(certificateFile, "certificateFile");
        requireNonNull(certificateSource, "certificateSource");
        requireNonNull(keyFile, "keyFile");
        requireNonNull(keySource, "keySource");
    }
}

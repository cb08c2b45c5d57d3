package io.paprika.kernel.tls;

import static java.util.Objects.requireNonNull;

import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.paprika.kernel.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * A certificate chain and private key read from PEM files, checked at start-up. Netty's PEM reader
 * does the parsing (the JDK cannot read PEM keys); it is the same reader gRPC uses for Flight, so a
 * file accepted here is accepted there.
 */
public final class PemCredentials {
    private final TlsFiles files;
    private final SSLContext sslContext;

    private PemCredentials(TlsFiles files, SSLContext sslContext) {
        this.files = requireNonNull(files, "files");
        this.sslContext = requireNonNull(sslContext, "sslContext");
    }

    /**
     * @throws ConfigException naming the file and the setting it came from when a file is missing,
     *                         unreadable, or holds no PEM certificate / PKCS#8 private key
     */
    public static PemCredentials load(TlsFiles files) throws ConfigException {
        requireReadable(files.certificateFile(), files.certificateSource(), "certificate");
        requireReadable(files.keyFile(), files.keySource(), "private key");
        SslContext context;
        try {
            context = SslContextBuilder.forServer(files.certificateFile().toFile(), files.keyFile().toFile())
                    .sslProvider(SslProvider.JDK).build();
        } catch (IllegalArgumentException | SSLException e) {
            // Netty says which file it could not read; keep its words and add the setting to fix.
            String msg = String.valueOf(e.getMessage());
            boolean keyProblem = msg.contains(files.keyFile().toString()) || msg.contains("private key");
            throw new ConfigException("TLS " + (keyProblem ? "private key " + files.keyFile() + " (" + files.keySource()
                    : "certificate " + files.certificateFile() + " (" + files.certificateSource()) + ") cannot be used: "
                    + msg + "; give a PEM certificate chain and an unencrypted PKCS#8 PEM private key "
                    + "(`BEGIN PRIVATE KEY`; convert with `openssl pkcs8 -topk8 -nocrypt`)");
        }
        return new PemCredentials(files, ((JdkSslContext) context).context());
    }

    private static void requireReadable(Path file, String source, String what) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("TLS " + what + " file " + file + " (" + source + ") does not exist or is not "
                    + "a file; check the path");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException("TLS " + what + " file " + file + " (" + source + ") cannot be read; check its "
                    + "permissions");
        }
    }

    public TlsFiles files() {
        return files;
    }

    /** A server-side JDK SSL context holding the key and chain, for Jetty. */
    public SSLContext sslContext() {
        return sslContext;
    }
}

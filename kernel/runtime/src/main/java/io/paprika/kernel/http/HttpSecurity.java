package io.paprika.kernel.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.JavalinConfig;
import io.paprika.kernel.HostPort;
import io.paprika.kernel.auth.ApiKeys;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * What secures the HTTP API: API keys checked before every handler, and TLS on the listening
 * connector.
 *
 * @param apiKeys keys a request must present in {@code X-API-Key}; empty serves everyone
 * @param tls     the server's SSL context; empty serves plain HTTP
 */
public record HttpSecurity(Optional<ApiKeys> apiKeys, Optional<SSLContext> tls) {
    public static final HttpSecurity NONE = new HttpSecurity(Optional.empty(), Optional.empty());

    public HttpSecurity {
        requireNonNull(apiKeys, "apiKeys");
        requireNonNull(tls, "tls");
    }

    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    /** Adds the key filter and, with TLS, replaces Javalin's plain connector with an HTTPS one. */
    void apply(JavalinConfig config, HostPort address) {
        apiKeys.ifPresent(keys -> config.routes.before(new ApiKeyFilter(keys)));
        tls.ifPresent(context -> config.jetty.addConnector((server, httpConfig) -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(context);
            HttpConfiguration https = new HttpConfiguration(httpConfig);
            // Hostname checks are the client's business; Jetty's SNI host check would refuse IP addresses.
            https.addCustomizer(new SecureRequestCustomizer(false));
            ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(https));
            connector.setHost(address.host());
            connector.setPort(address.port());
            return connector;
        }));
    }
}

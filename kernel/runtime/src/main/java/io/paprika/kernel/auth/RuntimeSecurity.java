package io.paprika.kernel.auth;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.config.ConfigException;
import io.paprika.kernel.config.SecretMask;
import io.paprika.kernel.config.Spicepod;
import io.paprika.kernel.flight.FlightSecurity;
import io.paprika.kernel.http.HttpSecurity;
import io.paprika.kernel.tls.PemCredentials;
import io.paprika.kernel.tls.TlsFlags;
import io.paprika.kernel.tls.TlsSettings;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys and TLS for both servers, worked out once from the flags and the spicepod, so HTTP and
 * Flight can never disagree on whether a key or TLS is needed.
 */
public final class RuntimeSecurity {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeSecurity.class);

    private final Optional<ApiKeys> apiKeys;
    private final Optional<PemCredentials> tls;

    private RuntimeSecurity(Optional<ApiKeys> apiKeys, Optional<PemCredentials> tls) {
        this.apiKeys = requireNonNull(apiKeys, "apiKeys");
        this.tls = requireNonNull(tls, "tls");
    }

    /**
     * Registers the keys with {@link SecretMask} (a key written literally in the spicepod is no
     * secret reference, yet must never be logged) and loads the TLS files.
     *
     * @throws ConfigException when TLS is on and a file is missing or unusable
     */
    public static RuntimeSecurity configure(TlsFlags flags, Spicepod pod) throws ConfigException {
        Optional<ApiKeys> keys = Optional.empty();
        if (pod.apiKey().enabled()) {
            SecretMask.register(Set.copyOf(pod.apiKey().keys()));
            keys = Optional.of(new ApiKeys(pod.apiKey().keys()));
            LOG.info("API-key authentication is on ({} key(s)): X-API-Key on HTTP, Bearer or Basic on Flight",
                    pod.apiKey().keys().size());
        }
        Optional<PemCredentials> tls = Optional.empty();
        var files = TlsSettings.resolve(flags, pod.tls(), pod.directory());
        if (files.isPresent()) {
            tls = Optional.of(PemCredentials.load(files.get()));
            LOG.info("TLS is on: certificate {} ({}), key {} ({})", files.get().certificateFile(),
                    files.get().certificateSource(), files.get().keyFile(), files.get().keySource());
        }
        return new RuntimeSecurity(keys, tls);
    }

    public HttpSecurity http() {
        return new HttpSecurity(apiKeys, tls.map(PemCredentials::sslContext));
    }

    public FlightSecurity flight() {
        return new FlightSecurity(apiKeys, tls.map(PemCredentials::files));
    }
}

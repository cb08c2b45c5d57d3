package io.paprika.connector.http;

import static java.util.Objects.requireNonNull;

import io.paprika.connector.common.FormatOptions;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.SourceSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One http(s) dataset's settings, checked once when the table is opened.
 *
 * @param uri           the URL to request: userinfo removed, {@code http_port} applied
 * @param displayUrl    the URL as messages and logs show it
 * @param authorization the {@code Authorization} header value for basic auth, if any
 * @param headers       extra request headers from {@code http_headers}
 */
record HttpSourceConfig(String dataset, URI uri, String displayUrl, Optional<String> authorization,
        Map<String, String> headers, Duration timeout, Optional<Path> caFile, FormatOptions format) {

    // The JDK client sets these itself and refuses them from callers.
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    HttpSourceConfig {
        requireNonNull(dataset, "dataset");
        requireNonNull(uri, "uri");
        requireNonNull(displayUrl, "displayUrl");
        requireNonNull(authorization, "authorization");
        headers = Map.copyOf(requireNonNull(headers, "headers"));
        requireNonNull(timeout, "timeout");
        requireNonNull(caFile, "caFile");
        requireNonNull(format, "format");
    }

    static HttpSourceConfig parse(SourceSpec spec) throws ConnectorException {
        String dataset = spec.dataset();
        Map<String, String> params = spec.params();
        URI given;
        try {
            given = new URI(spec.from());
        } catch (URISyntaxException e) {
            throw error(dataset, "`from` is not a valid URL: " + spec.from().replaceFirst("//[^/]*@", "//")
                    + " (" + e.getReason() + ")");
        }
        String scheme = given.getScheme() == null ? "" : given.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || given.getHost() == null) {
            throw error(dataset, "`from` must be an http:// or https:// URL with a host, got "
                    + Urls.redacted(given));
        }
        int port = -1;
        String portText = params.get(HttpParams.PORT);
        if (portText != null) {
            try {
                port = Integer.parseInt(portText.trim());
            } catch (NumberFormatException e) {
                port = 0;
            }
            if (port < 1 || port > 65535) {
                throw error(dataset, "param " + HttpParams.PORT + " is `" + portText + "`; use a port from 1 to 65535");
            }
        }
        URI uri;
        try {
            uri = Urls.withoutUserInfo(given, port);
        } catch (URISyntaxException e) {
            throw error(dataset, "`from` is not a valid URL: " + Urls.redacted(given));
        }
        String display = Urls.redacted(uri);
        String timeoutText = params.getOrDefault(HttpParams.TIMEOUT, HttpParams.DEFAULT_TIMEOUT);
        Duration timeout = Durations.parse(timeoutText).filter(d -> !d.isZero()).orElseThrow(() -> error(dataset,
                "param " + HttpParams.TIMEOUT + " is `" + timeoutText + "`; use a duration such as 500ms, 30s or 2m"));
        return new HttpSourceConfig(dataset, uri, display, authorization(dataset, given, params),
                headers(dataset, params), timeout, caFile(spec), FormatOptions.parse(dataset, params));
    }

    private static Optional<String> authorization(String dataset, URI given, Map<String, String> params)
            throws ConnectorException {
        String user = params.get(HttpParams.USERNAME);
        String password = params.get(HttpParams.PASSWORD);
        if (user == null && given.getRawUserInfo() != null) {
            // Credentials written into the URL work like the params, but never travel in it.
            String[] parts = given.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : password;
        }
        if (user == null) {
            if (password != null) {
                throw error(dataset, "param " + HttpParams.PASSWORD + " is set but " + HttpParams.USERNAME
                        + " is not; set both for basic authentication");
            }
            return Optional.empty();
        }
        String pair = user + ":" + (password == null ? "" : password);
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> headers(String dataset, Map<String, String> params) throws ConnectorException {
        String text = params.get(HttpParams.HEADERS);
        if (text == null) {
            return Map.of();
        }
        // The value is secret, so the message describes the format without echoing it.
        Map<String, String> headers = HeaderList.parse(text).orElseThrow(() -> error(dataset, "param "
                + HttpParams.HEADERS + " is not of the form `Name: value; Other-Name: value`"));
        for (String name : headers.keySet()) {
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw error(dataset, "param " + HttpParams.HEADERS + " sets header `" + name
                        + "`, which the HTTP client sets itself; remove it");
            }
        }
        return headers;
    }

    private static Optional<Path> caFile(SourceSpec spec) throws ConnectorException {
        String text = spec.params().get(HttpParams.CA_FILE);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Path file = spec.spicepodDir().resolve(text.trim()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw error(spec.dataset(), "param " + HttpParams.CA_FILE + ": file not found: " + file);
        }
        return Optional.of(file);
    }

    private static ConnectorException error(String dataset, String what) {
        return new ConnectorException("dataset `" + dataset + "`: " + what, false);
    }

    /** Never prints the authorization or header values. */
    @Override
    public String toString() {
        return "HttpSourceConfig[dataset=" + dataset + ", url=" + displayUrl + ", timeout=" + timeout + "]";
    }
}

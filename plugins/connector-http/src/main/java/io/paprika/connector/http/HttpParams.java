package io.paprika.connector.http;

import io.paprika.connector.common.FormatParams;
import io.paprika.spi.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/** The params an http(s) dataset accepts, declared as data for the kernel. */
final class HttpParams {
    static final String USERNAME = "http_username";
    static final String PASSWORD = "http_password";
    static final String HEADERS = "http_headers";
    static final String TIMEOUT = "client_timeout";
    static final String PORT = "http_port";
    static final String CA_FILE = "tls_ca_certificate_file";
    static final String DEFAULT_TIMEOUT = "30s";

    static final List<ParamSpec> SPECS;

    static {
        List<ParamSpec> specs = new ArrayList<>(List.of(
                ParamSpec.of(USERNAME, "user name for HTTP basic authentication"),
                ParamSpec.secret(PASSWORD, "password for HTTP basic authentication"),
                ParamSpec.secret(HEADERS, "extra request headers, as `Name: value; Other: value`"),
                ParamSpec.withDefault(TIMEOUT, DEFAULT_TIMEOUT,
                        "how long to wait to connect and for the response headers, e.g. 500ms, 30s, 2m"),
                ParamSpec.of(PORT, "port to connect to, overriding the one in the URL"),
                ParamSpec.of(CA_FILE, "PEM file of CA certificates to trust besides the JVM defaults "
                        + "(relative paths are resolved against the spicepod folder)")));
        specs.addAll(FormatParams.SPECS);
        SPECS = List.copyOf(specs);
    }

    private HttpParams() {
    }
}

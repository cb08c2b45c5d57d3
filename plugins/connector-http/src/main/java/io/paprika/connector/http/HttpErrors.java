package io.paprika.connector.http;

import io.paprika.spi.ConnectorException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Turns transport failures and non-2xx answers into errors that say what happened and what to do. */
final class HttpErrors {
    private HttpErrors() {
    }

    static ConnectorException transport(HttpSourceConfig c, Throwable e) {
        String prefix = "dataset `" + c.dataset() + "`: ";
        String timeout = Durations.format(c.timeout());
        if (e instanceof HttpConnectTimeoutException) {
            return new ConnectorException(prefix + "timed out after " + timeout + " connecting to " + c.displayUrl()
                    + "; check the host is reachable, or raise " + HttpParams.TIMEOUT, true, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ConnectorException(prefix + "no response from " + c.displayUrl() + " within " + timeout
                    + "; check the server, or raise " + HttpParams.TIMEOUT, true, e);
        }
        if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
            return new ConnectorException(prefix + "cannot resolve host `" + c.uri().getHost() + "` of "
                    + c.displayUrl() + "; check the URL and DNS", true, e);
        }
        if (e instanceof ConnectException) {
            return new ConnectorException(prefix + "cannot connect to " + c.displayUrl()
                    + " (connection refused or unreachable); check the URL and that the server is up", true, e);
        }
        if (hasCause(e, SSLException.class)) {
            return new ConnectorException(prefix + "TLS with " + c.displayUrl() + " failed: " + e.getMessage()
                    + "; if the server uses a private CA, set " + HttpParams.CA_FILE, false, e);
        }
        return new ConnectorException(prefix + "request to " + c.displayUrl() + " failed: " + e, true, e);
    }

    static ConnectorException status(HttpSourceConfig c, int status, String bodyStart) {
        String prefix = "dataset `" + c.dataset() + "`: " + c.displayUrl() + " answered HTTP " + status;
        if (status == 401 || status == 403) {
            return new ConnectorException(prefix + " (access denied); set " + HttpParams.USERNAME + " and "
                    + HttpParams.PASSWORD + " (or " + HttpParams.HEADERS + ") to credentials the server accepts",
                    false);
        }
        if (status == 404) {
            return new ConnectorException(prefix + " (not found); check the URL", true);
        }
        if (status == 429) {
            return new ConnectorException(prefix + " (too many requests); retry later or refresh less often", true);
        }
        if (status >= 500) {
            return new ConnectorException(prefix + " (server error); retry later" + body(bodyStart), true);
        }
        return new ConnectorException(prefix + "; expected 200" + body(bodyStart), false);
    }

    private static String body(String bodyStart) {
        return bodyStart.isBlank() ? "" : ": " + bodyStart;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

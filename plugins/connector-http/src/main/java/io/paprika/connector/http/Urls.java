package io.paprika.connector.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL helpers: dropping credentials before a URL is used in a request or shown to anyone. */
final class Urls {
    // Query params that commonly carry credentials (signed URLs, API tokens).
    private static final Pattern SECRET_QUERY_KEY =
            Pattern.compile(".*(token|key|sig|signature|secret|password|passwd|pwd|auth|credential).*");

    private Urls() {
    }

    /** The URL without userinfo or fragment and, when {@code port} is positive, with that port. */
    static URI withoutUserInfo(URI uri, int port) throws URISyntaxException {
        // Raw parts are kept as written, so escaped characters in the path stay escaped.
        int p = port > 0 ? port : uri.getPort();
        String text = uri.getScheme() + "://" + uri.getHost() + (p > 0 ? ":" + p : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new URI(text);
    }

    /** The URL as it may appear in messages and logs: no userinfo, secret-looking query values masked. */
    static String redacted(URI uri) {
        StringBuilder out = new StringBuilder();
        out.append(uri.getScheme()).append("://").append(uri.getHost() == null ? "" : uri.getRawAuthority()
                .replaceFirst("^.*@", ""));
        out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        String query = uri.getRawQuery();
        if (query != null) {
            out.append('?');
            String[] pairs = query.split("&");
            for (int i = 0; i < pairs.length; i++) {
                String[] kv = pairs[i].split("=", 2);
                out.append(i == 0 ? "" : "&").append(kv[0]);
                if (kv.length == 2) {
                    boolean secret = SECRET_QUERY_KEY.matcher(kv[0].toLowerCase(Locale.ROOT)).matches();
                    out.append('=').append(secret ? "***" : kv[1]);
                }
            }
        }
        return out.toString();
    }
}

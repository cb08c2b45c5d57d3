package io.paprika.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** {@code POST /v1/sql} as an HTTP client uses it, bypassing the results cache. */
final class HttpSql {
    private final Spiced spiced;

    HttpSql(Spiced spiced) {
        this.spiced = requireNonNull(spiced, "spiced");
    }

    /**
     * Streams a whole result in {@code accept} format and counts it. Rows are counted by bytes so the
     * client does not parse: one {@code '{'} per JSON row object (the generated data has no braces in
     * its strings), one line per CSV row after the header.
     */
    Batches scan(String sql, String accept) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = Spiced.CLIENT.send(request(sql, accept, Duration.ofMinutes(30)),
                HttpResponse.BodyHandlers.ofInputStream());
        byte marker = (byte) ("text/csv".equals(accept) ? '\n' : '{');
        long bytes = 0;
        long marks = 0;
        try (InputStream in = r.body()) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == marker) {
                        marks++;
                    }
                }
            }
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST /v1/sql `" + sql + "` as " + accept + " answered " + r.statusCode());
        }
        return new Batches("text/csv".equals(accept) ? marks - 1 : marks, bytes);
    }

    /** Runs a query as JSON; returns the body, or throws naming the status. */
    String json(String sql) throws IOException, InterruptedException {
        HttpResponse<String> r = Spiced.CLIENT.send(request(sql, "application/json", Duration.ofSeconds(30)),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST /v1/sql `" + sql + "` answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private HttpRequest request(String sql, String accept, Duration timeout) {
        return HttpRequest.newBuilder(spiced.uri("/v1/sql")).timeout(timeout)
                .header("Accept", accept)
                .header("Cache-Control", "no-cache")
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build();
    }
}

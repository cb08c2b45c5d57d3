package io.paprika.kernel.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.paprika.kernel.auth.ApiKeys;
import java.util.Set;

/**
 * Runs before every HTTP handler: a request without a valid {@code X-API-Key} gets 401 and goes no
 * further. Probes ({@code /health}, {@code /v1/ready}) stay open so load balancers need no key.
 */
public final class ApiKeyFilter implements Handler {
    public static final String HEADER = "X-API-Key";
    static final Set<String> OPEN_PATHS = Set.of("/health", "/v1/ready");

    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = requireNonNull(keys, "keys");
    }

    @Override
    public void handle(Context ctx) {
        if (OPEN_PATHS.contains(ctx.path())) {
            return;
        }
        String given = ctx.header(HEADER);
        if (!keys.matches(given)) {
            ctx.status(401).header("WWW-Authenticate", "X-API-Key").contentType("text/plain")
                    .result(given == null ? "missing API key: send it in the X-API-Key header"
                            : "invalid API key");
            ctx.skipRemainingHandlers();
        }
    }
}

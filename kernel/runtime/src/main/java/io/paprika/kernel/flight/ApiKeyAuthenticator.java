package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.auth.ApiKeys;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.GeneratedBearerTokenAuthenticator;

/**
 * Flight's gate: every call must carry {@code Authorization: Bearer <key>}, or Basic credentials
 * whose password is a key (any user name), which the Handshake answers with a generated bearer
 * token for later calls (what the Flight SQL JDBC driver does with {@code password=}). Anything else
 * is UNAUTHENTICATED.
 */
public final class ApiKeyAuthenticator implements CallHeaderAuthenticator {
    static final String PEER = "api-key";

    private final ApiKeys keys;
    private final CallHeaderAuthenticator basicThenToken;

    public ApiKeyAuthenticator(ApiKeys keys) {
        this.keys = requireNonNull(keys, "keys");
        this.basicThenToken = new GeneratedBearerTokenAuthenticator(new BasicCallHeaderAuthenticator(this::validate));
    }

    @Override
    public AuthResult authenticate(CallHeaders headers) {
        String bearer = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BEARER_PREFIX);
        if (bearer != null && keys.matches(bearer)) {
            return () -> PEER;
        }
        if (bearer == null && AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BASIC_PREFIX) == null) {
            throw CallStatus.UNAUTHENTICATED.withDescription("missing API key: send `Authorization: Bearer <key>` "
                    + "or Basic credentials whose password is the key").toRuntimeException();
        }
        // A bearer that is not a key may be a token this server issued after a Basic handshake.
        return basicThenToken.authenticate(headers);
    }

    private AuthResult validate(String user, String password) {
        if (!keys.matches(password)) {
            throw CallStatus.UNAUTHENTICATED.withDescription("invalid API key").toRuntimeException();
        }
        return () -> user == null || user.isEmpty() ? PEER : user;
    }
}

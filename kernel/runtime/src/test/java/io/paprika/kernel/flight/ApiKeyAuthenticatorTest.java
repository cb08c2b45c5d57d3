package io.paprika.kernel.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paprika.kernel.auth.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator.AuthResult;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {
    private final ApiKeyAuthenticator auth = new ApiKeyAuthenticator(new ApiKeys(List.of("key-one", "key-two")));

    private static CallHeaders authorization(String value) {
        CallHeaders h = new FlightCallHeaders();
        if (value != null) {
            h.insert(Auth2Constants.AUTHORIZATION_HEADER, value);
        }
        return h;
    }

    private static String basic(String user, String password) {
        return Auth2Constants.BASIC_PREFIX + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void assertRefused(String header) {
        FlightRuntimeException e = assertThrows(FlightRuntimeException.class,
                () -> auth.authenticate(authorization(header)), String.valueOf(header));
        assertEquals(FlightStatusCode.UNAUTHENTICATED, e.status().code());
    }

    @Test
    void aKeyAsBearerIsAccepted() {
        assertEquals(ApiKeyAuthenticator.PEER, auth.authenticate(authorization("Bearer key-two")).getPeerIdentity());
    }

    @Test
    void basicWithTheKeyAsPasswordIssuesAToken() {
        AuthResult r = auth.authenticate(authorization(basic("anyone", "key-one")));
        assertEquals("anyone", r.getPeerIdentity());
        CallHeaders out = new FlightCallHeaders();
        r.appendToOutgoingHeaders(out);
        String token = AuthUtilities.getValueFromAuthHeader(out, Auth2Constants.BEARER_PREFIX);
        assertNotNull(token, "the handshake answers with a bearer token");
        assertNotEquals("key-one", token, "the token is not the key");
        assertEquals("anyone", auth.authenticate(authorization("Bearer " + token)).getPeerIdentity());
    }

    @Test
    void missingOrWrongCredentialsAreRefused() {
        assertRefused(null);
        assertRefused("Bearer nope");
        assertRefused("Bearer ");
        assertRefused(basic("anyone", "nope"));
        assertRefused(basic("key-one", ""));
    }
}

// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import static dev.websocketkit.local.conformance.Capability.SENDS_HEADERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.conformance.Connection.Failed;
import dev.websocketkit.local.conformance.Connection.Outcome;
import dev.websocketkit.local.conformance.Connection.Refused;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows, each a refused handshake, answered with its status and, for the refusals API Gateway decides
 * itself, a JSON body ({@code Content-Type: application/json}, {@code Connection: close}): a missing
 * or wrong API key, 403 {@code {"message":"Forbidden"}}; a missing token, 401
 * {@code {"message":"Unauthorized"}}; an invalid one (not a JWT, tampered, expired), the same; a
 * Deny policy, 403; an authorizer failing otherwise, 500 {@code {"message":"Internal server error"}};
 * a {@code $connect} integration answering status N (400, 429), N with an empty body; one that
 * throws, 502 {@code {"message":"Internal server error"}}. A browser shows none of it: its
 * connection fails (1006) and never opens.
 *
 * <p>Sources: documented, an authorization failure on {@code $connect} gives 401 or 403,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-keys-connect-disconnect.html;
 * a missing identity source gives 401 without invoking the authorizer (Authorizer.IdentitySource,
 * https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-authorizers.html); a
 * {@code $connect} integration's non-2xx status is the handshake's,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-connect-route-subprotocol.html.
 * Reported: Deny gives 403, https://github.com/aws-powertools/powertools-lambda-python/issues/5800; an
 * authorizer failing otherwise gives 500, https://github.com/serverless/examples/issues/557; a
 * {@code $connect} that throws gives 502 (a public experiment file, and serverless-offline,
 * https://github.com/dherault/serverless-offline/pull/1301). Inferred from API Gateway's REST answers
 * (e.g. https://github.com/schickling/chromeless/issues/58): 403 for the API key, and every JSON body;
 * no capture of a refused WebSocket handshake's body was found.
 */
@WebSocketApiTest(template = "src/test/resources/templates/conformance.yaml")
@ExtendWith(Clients.class)
class HandshakeRefusalIT {

    private static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";
    private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
    private static final String INTERNAL_SERVER_ERROR = "{\"message\":\"Internal server error\"}";

    /** The API key in the {@code x-api-key} header. */
    private static LocalGateway apiKeyInHeader;

    @BeforeAll
    static void start(LocalGateway gateway) {
        Api.warmUp(gateway);
        apiKeyInHeader = Api.start(Api.ECHO, config -> config);
    }

    @AfterAll
    static void stop() {
        if (apiKeyInHeader != null) {
            apiKeyInHeader.close();
        }
    }

    @Row
    void aMissingApiKeyIs403Forbidden(ClientKind client) {
        assertRefused(client, Api.connect(apiKeyInHeader), 403, FORBIDDEN);
    }

    @Row(SENDS_HEADERS)
    void aWrongApiKeyIs403Forbidden(ClientKind client) {
        assertRefused(client, Api.connect(apiKeyInHeader).header("x-api-key", "not-a-key-of-this-api"), 403, FORBIDDEN);
    }

    @Row
    void aMissingTokenIs401Unauthorized(ClientKind client, LocalGateway gateway) {
        assertRefused(client, Connect.to(gateway.webSocketUri()), 401, UNAUTHORIZED);
    }

    @Row
    void anInvalidTokenIs401Unauthorized(ClientKind client, LocalGateway gateway) {
        String valid = gateway.developmentToken().orElseThrow();
        for (String invalid : new String[] {"not-a-jwt", tampered(valid), gateway.issueToken("late", Duration.ofMinutes(-5))}) {
            assertRefused(client, Connect.to(gateway.webSocketUri()).token(invalid), 401, UNAUTHORIZED);
        }
    }

    @Row
    void anAuthorizerPolicyThatDeniesIs403Forbidden(ClientKind client, LocalGateway gateway) {
        assertRefused(client, Connect.to(gateway.webSocketUri()).token(gateway.issueToken("denied", Duration.ofMinutes(5))), 403, FORBIDDEN);
    }

    @Row
    void anAuthorizerFailingOtherwiseIs500InternalServerError(ClientKind client, LocalGateway gateway) {
        assertRefused(client, Connect.to(gateway.webSocketUri()).token(gateway.issueToken("broken", Duration.ofMinutes(5))),
                500, INTERNAL_SERVER_ERROR);
    }

    @Row
    void theStatusConnectAnswersIsTheHandshakesWithAnEmptyBody(ClientKind client, LocalGateway gateway) {
        for (int status : new int[] {400, 429}) {
            assertRefused(client, Api.connect(gateway).query("refuse", String.valueOf(status)), status, null);
        }
    }

    @Row
    void aConnectThatThrowsIs502InternalServerError(ClientKind client, LocalGateway gateway) {
        assertRefused(client, Api.connect(gateway).query("fail", "1"), 502, INTERNAL_SERVER_ERROR);
    }

    /** A client that sees refusals sees this status and body ({@code null}: none, and no content type); a browser, a failed connection. */
    private static void assertRefused(ClientKind client, Connect request, int status, String body) {
        try (Connection connection = client.connect(request)) {
            Outcome outcome = connection.awaitOutcome();
            if (client.can(Capability.SEES_REFUSALS)) {
                assertEquals(new Refused(status, body == null ? null : "application/json", "close", body == null ? "" : body), outcome,
                        request.uri().toString());
            } else {
                assertTrue(outcome instanceof Failed failed && failed.code() == 1006, "the connection fails and never opens: " + outcome);
            }
        }
    }

    /** The token with its payload edited after signing. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("local-developer", "administrator");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
